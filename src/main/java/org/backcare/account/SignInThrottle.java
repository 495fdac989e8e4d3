package org.backcare.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down and then pauses repeated failed sign-ins, per e-mail address and per network
 * address, following NIST SP 800-63B §5.2.2 (rate limiting of online guessing) and the OWASP
 * Authentication Cheat Sheet (account lockout with automatic expiry):
 * <ul>
 * <li>after {@value #SLOW_DOWN_AFTER} consecutive failures an address must wait 1 s, then 2 s,
 * before the next attempt;</li>
 * <li>at {@value #LOCK_AFTER} failures it is paused for 15 minutes, and every further failure
 * pauses it again;</li>
 * <li>a network address with {@code maxFailuresPerAddress} failures within 15 minutes is paused
 * for 15 minutes, whatever addresses it tries.</li>
 * </ul>
 * Unknown e-mail addresses are counted exactly like known ones, so the answers never reveal which
 * exist, and only a hash of each address is stored. A success clears the account's count.
 */
@Component
class SignInThrottle {

	static final int SLOW_DOWN_AFTER = 3;

	static final int LOCK_AFTER = 5;

	static final Duration PAUSE = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxFailuresPerAddress;

	@org.springframework.beans.factory.annotation.Autowired
	SignInThrottle(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
		this(jdbc, clock, properties.maxFailuresPerAddress());
	}

	SignInThrottle(JdbcClient jdbc, Clock clock, int maxFailuresPerAddress) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailuresPerAddress = maxFailuresPerAddress;
	}

	/** Refuses the attempt if the account or the network address is paused. */
	void check(String email, String ip) {
		Instant now = this.clock.instant();
		check(accountKey(email), now, true);
		if (ip != null) {
			check(addressKey(ip), now, false);
		}
	}

	/** Counts a failure; answers whether the account is now paused. */
	boolean failed(String email, String ip) {
		Instant now = this.clock.instant();
		boolean paused = count(accountKey(email), now, LOCK_AFTER);
		if (ip != null) {
			count(addressKey(ip), now, this.maxFailuresPerAddress);
		}
		return paused;
	}

	void succeeded(String email) {
		this.jdbc.sql("DELETE FROM sign_in_throttle WHERE key = ?").param(accountKey(email)).update();
	}

	private void check(String key, Instant now, boolean slowDown) {
		this.jdbc.sql("SELECT failures, last_failure, locked_until FROM sign_in_throttle WHERE key = ?")
			.param(key)
			.query((rs, n) -> {
				OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
				if (locked != null && locked.toInstant().isAfter(now)) {
					throw new TooManyAttempts(Duration.between(now, locked.toInstant()));
				}
				int failures = rs.getInt("failures");
				if (slowDown && failures >= SLOW_DOWN_AFTER && failures < LOCK_AFTER) {
					Instant next = rs.getObject("last_failure", OffsetDateTime.class)
						.toInstant()
						.plusSeconds(1L << (failures - SLOW_DOWN_AFTER));
					if (next.isAfter(now)) {
						throw new TooManyAttempts(Duration.between(now, next));
					}
				}
				return failures;
			})
			.optional();
	}

	private boolean count(String key, Instant now, int limit) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		int failures = this.jdbc.sql("""
				INSERT INTO sign_in_throttle (key, failures, last_failure) VALUES (?, 1, ?)
				ON CONFLICT (key) DO UPDATE SET
				    failures = CASE WHEN sign_in_throttle.last_failure < EXCLUDED.last_failure - interval '15 minutes'
				                    THEN 1 ELSE sign_in_throttle.failures + 1 END,
				    last_failure = EXCLUDED.last_failure
				RETURNING failures""")
			.params(key, at)
			.query(Integer.class)
			.single();
		if (failures >= limit) {
			this.jdbc.sql("UPDATE sign_in_throttle SET locked_until = ? WHERE key = ?")
				.params(now.plus(PAUSE).atOffset(ZoneOffset.UTC), key)
				.update();
			return true;
		}
		return false;
	}

	private static String accountKey(String email) {
		return "account:" + sha256(email.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String ip) {
		return "address:" + ip;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

}
