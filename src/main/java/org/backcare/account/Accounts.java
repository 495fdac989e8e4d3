package org.backcare.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.ChangeNotices;
import org.backcare.platform.NoticedCache;
import org.backcare.therapist.TherapistId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account module's public face: creating accounts and revoking what they were given.
 */
@Service
public class Accounts {

	private static final String COLUMNS = "clinic_id, id, email, role, client_id, therapist_id, token_version, enabled, password_hash, "
			+ "email_confirmed_at IS NOT NULL AS confirmed";

	private static final RowMapper<AccountDetails> DETAILS = Accounts::details;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final AccountLinks links;

	private final ApplicationEventPublisher events;

	private final SignInThrottle throttle;

	/** Enabled accounts as last read, forgotten when the database announces a change. */
	private final NoticedCache<AccountId, CurrentUser> known;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, AccountLinks links,
			ApplicationEventPublisher events, SignInThrottle throttle, ChangeNotices notices) {
		this.known = notices.cache("account_changed", id -> new AccountId(UUID.fromString(id)));
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.links = links;
		this.events = events;
	}

	/**
	 * Opens an account whose address is known to be theirs (an admin's, an invited
	 * person's: the invitation came to it); the password must pass
	 * {@link PasswordPolicy}.
	 */
	@Transactional
	public AccountId open(ClinicId clinic, String email, String password, Role role, ClientId client,
			TherapistId therapist) {
		this.policy.check(password, email);
		return insert(clinic, email, this.passwords.encode(password), role, client, therapist, true);
	}

	/**
	 * Inserts an account; one whose address is not {@code confirmed} cannot sign in until
	 * it is.
	 */
	AccountId insert(ClinicId clinic, String email, String passwordHash, Role role, ClientId client,
			TherapistId therapist, boolean confirmed) {
		AccountId id = new AccountId(UUID.randomUUID());
		this.known.forgetAfterCommit(id);
		try {
			this.jdbc
				.sql("""
						INSERT INTO account (clinic_id, id, email, password_hash, role, client_id, therapist_id, email_confirmed_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)""")
				.params(clinic.value(), id.value(), email.strip(), passwordHash, role.name(),
						(client != null) ? client.value() : null, (therapist != null) ? therapist.value() : null,
						confirmed)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new EmailTaken();
		}
		this.events.publishEvent(new SecurityEvent(SecurityEvent.Action.ACCOUNT_OPENED, id, clinic, role, false));
		return id;
	}

	/**
	 * Records that the account agreed to the current consent texts (see
	 * {@link ConsentTexts}).
	 */
	@Transactional
	public void giveConsents(AccountId account) {
		CurrentUser user = find(account).orElseThrow();
		for (ConsentTexts.Text consent : ConsentTexts.all()) {
			this.jdbc.sql("""
					INSERT INTO consent (clinic_id, account_id, kind, text_version) VALUES (?, ?, ?, ?)
					ON CONFLICT DO NOTHING""")
				.params(user.clinic().value(), account.value(), consent.kind(), consent.version())
				.update();
		}
		this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.CONSENT_GIVEN, user));
	}

	/** The accounts of a clinic, for its admins. */
	public List<CurrentUser> all(ClinicId clinic) {
		return users("clinic_id = ? ORDER BY role, email", clinic);
	}

	/** The clinic's admins who may sign in: those told what needs the front desk. */
	public List<CurrentUser> admins(ClinicId clinic) {
		return users("clinic_id = ? AND role = 'ADMIN' AND enabled ORDER BY email", clinic);
	}

	private List<CurrentUser> users(String where, ClinicId clinic) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE " + where)
			.param(clinic.value())
			.query(DETAILS)
			.list()
			.stream()
			.map(AccountDetails::user)
			.toList();
	}

	/** Whether the account may sign in; a disabled one may not. */
	public boolean enabled(AccountId id) {
		return this.jdbc.sql("SELECT enabled FROM account WHERE id = ?")
			.param(id.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Any account at all with this role. */
	public boolean anyWithRole(Role role) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE role = ?)")
			.param(role.name())
			.query(Boolean.class)
			.single();
	}

	/** Accounts of every kind, disabled ones included: the admin's view. */
	Optional<CurrentUser> findAny(AccountId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?")
			.param(id.value())
			.query(DETAILS)
			.optional()
			.map(AccountDetails::user);
	}

	/** Consents the account gave, oldest first. */
	public List<Consent> consents(AccountId account) {
		return this.jdbc
			.sql("SELECT kind, text_version, given_at FROM consent WHERE account_id = ? ORDER BY given_at, kind")
			.param(account.value())
			.query((rs, n) -> new Consent(rs.getString("kind"), rs.getString("text_version"),
					rs.getObject("given_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	public record Consent(String kind, String textVersion, Instant givenAt) {
	}

	/** When the account was opened, for the data export. */
	public Instant openedAt(AccountId account) {
		return this.jdbc.sql("SELECT created_at FROM account WHERE id = ?")
			.param(account.value())
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	/**
	 * Removes what identifies the person from the account: the address becomes an
	 * anonymous one, the password unusable, and every token and session ends. The id
	 * stays, anonymous, for the audit log and the clinic's statistics.
	 */
	@Transactional
	public void erase(AccountId account) {
		findAny(account).ifPresent(user -> this.throttle.forget(user.email()));
		this.links.forget(account);
		this.jdbc.sql("""
				UPDATE account SET email = 'erased-' || id || '@erased.invalid', password_hash = '{bcrypt}erased',
				                   enabled = false, token_version = token_version + 1
				WHERE id = ?""").param(account.value()).update();
		this.known.forgetAfterCommit(account);
	}

	/**
	 * The account of a client, whether or not it is still open (an erased one is found
	 * too).
	 */
	public Optional<CurrentUser> ofClient(ClientId client) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE client_id = ?")
			.param(client.value())
			.query(DETAILS)
			.optional()
			.map(AccountDetails::user);
	}

	/** The therapist's account, if it may sign in. */
	public Optional<CurrentUser> ofTherapist(TherapistId therapist) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE therapist_id = ? AND enabled")
			.param(therapist.value())
			.query(DETAILS)
			.optional()
			.map(AccountDetails::user);
	}

	/**
	 * The enabled account: asked for every bearer token and page session, so answered
	 * from memory while the database has announced no change to it (V29).
	 */
	public Optional<CurrentUser> find(AccountId id) {
		return this.known.get(id,
				key -> this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ? AND enabled")
					.param(key.value())
					.query(DETAILS)
					.optional()
					.map(AccountDetails::user));
	}

	public Optional<AccountId> idOf(String email) {
		return findByEmail(email).map(details -> details.user().id());
	}

	public boolean exists(String email) {
		return findByEmail(email).isPresent();
	}

	/**
	 * Every token issued so far stops working; sessions of the account end at their next
	 * request.
	 */
	@Transactional
	public void revokeTokens(AccountId id) {
		this.jdbc.sql("UPDATE account SET token_version = token_version + 1 WHERE id = ?").param(id.value()).update();
		this.known.forgetAfterCommit(id);
		find(id)
			.ifPresent(user -> this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.TOKENS_REVOKED, user)));
	}

	@Transactional
	public void disable(AccountId id) {
		Optional<CurrentUser> user = find(id);
		this.jdbc.sql("UPDATE account SET enabled = false, token_version = token_version + 1 WHERE id = ?")
			.param(id.value())
			.update();
		this.known.forgetAfterCommit(id);
		user.ifPresent(
				found -> this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.ACCOUNT_DISABLED, found)));
	}

	/** Lets a disabled account sign in again (its old tokens stay revoked). Audited. */
	public void enable(AccountId id) {
		this.jdbc.sql("UPDATE account SET enabled = true WHERE id = ?").param(id.value()).update();
		this.known.forgetAfterCommit(id);
		find(id).ifPresent(
				found -> this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.ACCOUNT_ENABLED, found)));
	}

	/**
	 * Changes a staff account between therapist and admin (a therapist account names its
	 * therapist record). Every token and session of the account ends, so the new role
	 * holds at once. Audited.
	 */
	public void changeRole(AccountId id, Role role, TherapistId therapist) {
		this.jdbc.sql("UPDATE account SET role = ?, therapist_id = ?, token_version = token_version + 1 WHERE id = ?")
			.params(role.name(), (therapist != null) ? therapist.value() : null, id.value())
			.update();
		this.known.forgetAfterCommit(id);
		find(id)
			.ifPresent(found -> this.events.publishEvent(SecurityEvent.of(SecurityEvent.Action.ROLE_CHANGED, found)));
	}

	/**
	 * The address is the account's: it may sign in now, with the password chosen with the
	 * link that proved it.
	 */
	boolean confirm(AccountId id, String passwordHash) {
		// Only an unconfirmed account: an old confirmation link must never set the
		// password of an account whose owner has confirmed, reset or changed it since.
		boolean confirmed = this.jdbc.sql("""
				UPDATE account SET password_hash = ?, email_confirmed_at = now()
				WHERE id = ? AND email_confirmed_at IS NULL""").params(passwordHash, id.value()).update() == 1;
		this.known.forgetAfterCommit(id);
		return confirmed;
	}

	/**
	 * A new password; every token and session of the account ends, and every link mailed
	 * to it before. Coming through the address (a reset link) also confirms it.
	 */
	void setPassword(AccountId id, String passwordHash, boolean throughTheAddress) {
		this.jdbc
			.sql("""
					UPDATE account SET password_hash = ?, token_version = token_version + 1,
					       email_confirmed_at = CASE WHEN ? THEN coalesce(email_confirmed_at, now()) ELSE email_confirmed_at END
					WHERE id = ?""")
			.params(passwordHash, throughTheAddress, id.value())
			.update();
		this.known.forgetAfterCommit(id);
		// Every link mailed before (a confirmation, a reset) stops working with the old
		// password.
		this.links.revokeEvery(id);
	}

	/** The account with its password hash, enabled or not. */
	Optional<AccountDetails> details(AccountId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?")
			.param(id.value())
			.query(DETAILS)
			.optional();
	}

	Optional<AccountDetails> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE lower(email) = ?")
			.param(email.strip().toLowerCase(Locale.ROOT))
			.query(DETAILS)
			.optional();
	}

	private static AccountDetails details(ResultSet rs, int row) throws SQLException {
		UUID client = rs.getObject("client_id", UUID.class);
		UUID therapist = rs.getObject("therapist_id", UUID.class);
		CurrentUser user = new CurrentUser(new AccountId(rs.getObject("id", UUID.class)),
				new ClinicId(rs.getObject("clinic_id", UUID.class)), rs.getString("email"),
				Role.valueOf(rs.getString("role")), (client != null) ? new ClientId(client) : null,
				(therapist != null) ? new TherapistId(therapist) : null, rs.getInt("token_version"));
		return new AccountDetails(user, rs.getString("password_hash"), rs.getBoolean("enabled"),
				rs.getBoolean("confirmed"));
	}

}
