package org.backcare.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

import org.backcare.platform.Sha256;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.backcare.platform.Timestamps.utc;

/**
 * Slows down and then pauses repeated sign-in attempts, per e-mail address and per
 * network address, following NIST SP 800-63B §5.2.2 (rate-limit online guessing) and the
 * OWASP Authentication Cheat Sheet (lockout with automatic expiry):
 * <ul>
 * <li>attempts 4 and 5 without a success in between are answered only after 1 s and 2
 * s;</li>
 * <li>a 6th attempt pauses the address for {@link #PAUSE}; attempts during a pause are
 * refused, and the first attempt after it pauses it again unless 15 minutes passed
 * without any;</li>
 * <li>a network address (IPv6: its /64) is paused after {@code maxFailuresPerAddress}
 * attempts in 15 minutes that did not succeed, whatever e-mail addresses they name.</li>
 * </ul>
 * Every attempt is counted <em>before</em> its password is checked, in one atomic
 * statement, so parallel attempts cannot all slip past the limit; a success clears the
 * count again. Unknown e-mail addresses are counted exactly like known ones, and only a
 * hash of each is stored.
 */
@Component
class SignInThrottle {

	static final int SLOW_DOWN_AFTER = 3;

	static final int LOCK_AFTER = 5;

	static final Duration PAUSE = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxFailuresPerAddress;

	@Autowired
	SignInThrottle(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
		this(jdbc, clock, properties.maxFailuresPerAddress());
	}

	SignInThrottle(JdbcClient jdbc, Clock clock, int maxFailuresPerAddress) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailuresPerAddress = maxFailuresPerAddress;
	}

	/** Which key refused an attempt: the e-mail address or the network address. */
	enum Paused {

		ACCOUNT, ADDRESS

	}

	/**
	 * Counts the attempt and answers how long to wait before checking its password;
	 * refuses it with {@link TooManyAttempts} when the e-mail or the network address is
	 * paused.
	 */
	Duration admit(String email, String ip) {
		Instant now = this.clock.instant();
		if (ip != null) {
			count(addressKey(ip), now, this.maxFailuresPerAddress, Paused.ADDRESS);
		}
		int attempts = count(accountKey(email), now, LOCK_AFTER, Paused.ACCOUNT);
		return (attempts > SLOW_DOWN_AFTER) ? Duration.ofSeconds(1L << (attempts - SLOW_DOWN_AFTER - 1))
				: Duration.ZERO;
	}

	/**
	 * Counts a request that mails an address (a registration, a password link) and
	 * refuses it with {@link TooManyAttempts} past the same limits as signing in: per
	 * e-mail address and per network address, under keys of the request's own, so such
	 * requests never count as failed sign-ins. Call it outside a transaction (each count
	 * commits at once), so that a refusal stays counted.
	 */
	void admitMailing(String purpose, String email, String ip) {
		Instant now = this.clock.instant();
		if (ip != null) {
			count(purpose + ":" + addressKey(ip), now, this.maxFailuresPerAddress, Paused.ADDRESS);
		}
		count(purpose + ":" + accountKey(email), now, LOCK_AFTER, Paused.ACCOUNT);
	}

	/**
	 * A success: the e-mail address starts afresh, and the network address is owed one
	 * attempt back.
	 */
	void succeeded(String email, String ip) {
		forget(email);
		if (ip != null) {
			this.jdbc.sql("UPDATE sign_in_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = ?")
				.param(addressKey(ip))
				.update();
		}
	}

	/**
	 * Drops what is kept about an e-mail address (after a success, or when its account is
	 * erased).
	 */
	void forget(String email) {
		this.jdbc.sql("DELETE FROM sign_in_throttle WHERE key = ?").param(accountKey(email)).update();
	}

	private int count(String key, Instant now, int limit, Paused which) {
		OffsetDateTime at = utc(now);
		Object[] row = this.jdbc.sql("""
				INSERT INTO sign_in_throttle (key, attempts, last_attempt) VALUES (?, 1, ?)
				ON CONFLICT (key) DO UPDATE SET
				    attempts = CASE
				        WHEN greatest(sign_in_throttle.last_attempt, coalesce(sign_in_throttle.locked_until,
				                      sign_in_throttle.last_attempt)) < EXCLUDED.last_attempt - interval '15 minutes'
				        THEN 1 ELSE sign_in_throttle.attempts + 1 END,
				    last_attempt = EXCLUDED.last_attempt
				RETURNING attempts, locked_until""")
			.params(key, at)
			.query((rs,
					n) -> new Object[] { rs.getInt("attempts"), rs.getObject("locked_until", OffsetDateTime.class) })
			.single();
		int attempts = (Integer) row[0];
		OffsetDateTime locked = (OffsetDateTime) row[1];
		if (locked != null && locked.toInstant().isAfter(now)) {
			throw new TooManyAttempts(Duration.between(now, locked.toInstant()), which);
		}
		if (attempts > limit) {
			this.jdbc.sql("UPDATE sign_in_throttle SET locked_until = ? WHERE key = ?")
				.params(utc(now.plus(PAUSE)), key)
				.update();
			throw new TooManyAttempts(PAUSE, which);
		}
		return attempts;
	}

	private static String accountKey(String email) {
		return "account:" + Sha256.hex(email.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * IPv4 by address; IPv6 by its /64, since one network hands out a whole /64 to a
	 * single host.
	 */
	static String addressKey(String ip) {
		// Only an IPv6 literal reaches getByName, which parses literals without any name
		// lookup.
		if (ip.indexOf(':') >= 0 && ip.matches("[0-9A-Fa-f:.]+")) {
			try {
				byte[] bytes = InetAddress.getByName(ip).getAddress();
				if (bytes.length == 16) {
					return "address:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
				}
			}
			catch (UnknownHostException ex) {
				// Not a valid literal after all: keep the text as it came.
			}
		}
		return "address:" + ip;
	}

}
