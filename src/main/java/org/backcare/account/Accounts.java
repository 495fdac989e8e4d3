package org.backcare.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's public face: creating accounts and revoking what they were given. */
@Service
public class Accounts {

	private static final String COLUMNS = "clinic_id, id, email, role, client_id, therapist_id, token_version, enabled, password_hash";

	private static final RowMapper<AccountDetails> DETAILS = Accounts::details;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final Clients clients;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, Clients clients) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.clients = clients;
	}

	/** Opens an account; the password must pass {@link PasswordPolicy}. */
	@Transactional
	public AccountId open(ClinicId clinic, String email, String password, Role role, ClientId client,
			TherapistId therapist) {
		this.policy.check(password, email);
		AccountId id = new AccountId(UUID.randomUUID());
		try {
			this.jdbc.sql("""
					INSERT INTO account (clinic_id, id, email, password_hash, role, client_id, therapist_id)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(clinic.value(), id.value(), email.strip(), this.passwords.encode(password), role.name(),
						(client != null) ? client.value() : null, (therapist != null) ? therapist.value() : null)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new EmailTaken();
		}
		return id;
	}

	/** A person registers themselves: a client record and its account, together or not at all. */
	@Transactional
	public AccountId registerClient(ClinicId clinic, String name, String email, String phone, LocalDate dateOfBirth,
			String password) {
		this.policy.check(password, email);
		if (findByEmail(email).isPresent()) {
			throw new EmailTaken();
		}
		ClientId client = this.clients.register(clinic, name, email.strip(), phone, dateOfBirth);
		return open(clinic, email, password, Role.CLIENT, client, null);
	}

	public Optional<CurrentUser> find(AccountId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ? AND enabled")
			.param(id.value())
			.query(DETAILS)
			.optional()
			.map(AccountDetails::user);
	}

	public boolean exists(String email) {
		return findByEmail(email).isPresent();
	}

	/** Every token issued so far stops working; sessions of the account end at their next request. */
	public void revokeTokens(AccountId id) {
		this.jdbc.sql("UPDATE account SET token_version = token_version + 1 WHERE id = ?").param(id.value()).update();
	}

	public void disable(AccountId id) {
		this.jdbc.sql("UPDATE account SET enabled = false, token_version = token_version + 1 WHERE id = ?")
			.param(id.value())
			.update();
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
		return new AccountDetails(user, rs.getString("password_hash"), rs.getBoolean("enabled"));
	}

}
