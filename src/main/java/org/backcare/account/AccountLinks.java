package org.backcare.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.platform.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.backcare.platform.Timestamps.utc;

/**
 * Single-use links mailed to an account's address: 32 random bytes, of which only the
 * SHA-256 is stored. A link is used by one atomic update while it is unused and
 * unexpired, so a link clicked twice, or by two people at once, works once.
 */
@Repository
class AccountLinks {

	enum Purpose {

		CONFIRM_EMAIL, RESET_PASSWORD

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Issued(String token, Instant expires) {
	}

	/** A link for the account; a confirmation carries the password chosen with it. */
	Issued issue(ClinicId clinic, AccountId account, Purpose purpose, Duration validFor, String passwordHash) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		Instant expires = now.plus(validFor);
		this.jdbc
			.sql("""
					INSERT INTO account_link (token_hash, clinic_id, account_id, purpose, password_hash, created_at, expires_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(Sha256.hex(token), clinic.value(), account.value(), purpose.name(), passwordHash, utc(now),
					utc(expires))
			.update();
		return new Issued(token, expires);
	}

	/** What a valid link is for: the account, and the password a confirmation carries. */
	record Valid(AccountId account, String passwordHash) {
	}

	/** The link's account if the link is unused and unexpired, without using it. */
	Optional<Valid> peek(String token, Purpose purpose) {
		return this.jdbc.sql("""
				SELECT account_id, password_hash FROM account_link
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
			.params(Sha256.hex(token), purpose.name(), utc(this.clock.instant()))
			.query((rs, n) -> new Valid(new AccountId(rs.getObject("account_id", UUID.class)),
					rs.getString("password_hash")))
			.optional();
	}

	/** Uses the link: answers its account only to the one caller that used it. */
	Optional<Valid> use(String token, Purpose purpose) {
		return this.jdbc.sql("""
				UPDATE account_link SET used_at = ?
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
				RETURNING account_id, password_hash""")
			.params(utc(this.clock.instant()), Sha256.hex(token), purpose.name(), utc(this.clock.instant()))
			.query((rs, n) -> new Valid(new AccountId(rs.getObject("account_id", UUID.class)),
					rs.getString("password_hash")))
			.optional();
	}

	/** Every link of the account, whatever it is for, stops working. */
	void revokeEvery(AccountId account) {
		this.jdbc.sql("UPDATE account_link SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
			.params(utc(this.clock.instant()), account.value())
			.update();
	}

	/** Deletes the account's links (its erasure). */
	void forget(AccountId account) {
		this.jdbc.sql("DELETE FROM account_link WHERE account_id = ?").param(account.value()).update();
	}

	/** Every other link of the account for that purpose stops working. */
	void revokeAll(AccountId account, Purpose purpose) {
		this.jdbc.sql("UPDATE account_link SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
			.params(utc(this.clock.instant()), account.value(), purpose.name())
			.update();
	}

}
