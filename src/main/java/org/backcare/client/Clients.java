package org.backcare.client;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.platform.ChangeNotices;
import org.backcare.platform.NoticedCache;
import org.backcare.platform.RecordNotFound;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The client module's public face. */
@Service
public class Clients {

	private static final RowMapper<Client> CLIENT = (rs, n) -> new Client(new ClientId(rs.getObject("id", UUID.class)),
			new ClinicId(rs.getObject("clinic_id", UUID.class)), rs.getString("name"), rs.getString("email"),
			rs.getString("phone"), rs.getObject("date_of_birth", LocalDate.class), rs.getObject("erased_at") != null);

	private static final String COLUMNS = "clinic_id, id, name, email, phone, date_of_birth, erased_at";

	private final JdbcClient jdbc;

	/**
	 * Clients as last read: a booking, its mail and most pages about a client ask for
	 * them; forgotten when the database announces a change (V29).
	 */
	private final NoticedCache<ClientId, Client> known;

	Clients(JdbcClient jdbc, ChangeNotices notices) {
		this.jdbc = jdbc;
		this.known = notices.cache("client_changed", id -> new ClientId(UUID.fromString(id)));
	}

	public ClientId register(ClinicId clinic, String name, String email, String phone, LocalDate dateOfBirth) {
		ClientId id = new ClientId(UUID.randomUUID());
		this.known.forgetAfterCommit(id);
		this.jdbc.sql("INSERT INTO client (clinic_id, id, name, email, phone, date_of_birth) VALUES (?, ?, ?, ?, ?, ?)")
			.params(clinic.value(), id.value(), name, email, phone, dateOfBirth)
			.update();
		return id;
	}

	public Optional<Client> find(ClientId id) {
		return this.known.get(id,
				key -> this.jdbc.sql("SELECT " + COLUMNS + " FROM client WHERE id = ?")
					.param(key.value())
					.query(CLIENT)
					.optional());
	}

	public Client get(ClientId id) {
		return find(id).orElseThrow(() -> new RecordNotFound("Client", id));
	}

	/** The client changes their own name and phone number. */
	public void updateContact(ClientId id, String name, String phone) {
		this.known.forgetAfterCommit(id);
		this.jdbc.sql("UPDATE client SET name = ?, phone = ? WHERE id = ?").params(name, phone, id.value()).update();
		// Again once written: a read meanwhile may have kept the old row.
		this.known.forgetAfterCommit(id);
	}

	/**
	 * Replaces the client's personal details with anonymous ones; the id and the clinic
	 * remain.
	 */
	public void anonymise(ClientId id) {
		this.known.forgetAfterCommit(id);
		this.jdbc.sql("""
				UPDATE client SET name = 'Erased client', email = 'erased-' || id || '@erased.invalid', phone = '',
				                  date_of_birth = DATE '1900-01-01', referrer = NULL, erased_at = now()
				WHERE id = ?""").param(id.value()).update();
		// Again once written: a read meanwhile may have kept the old row.
		this.known.forgetAfterCommit(id);
	}

	/**
	 * How the client found the clinic, with the person or practice who referred them if
	 * any.
	 */
	public void recordFoundVia(ClientId id, FoundVia foundVia, String referrer) {
		this.known.forgetAfterCommit(id);
		this.jdbc.sql("UPDATE client SET found_via = ?, referrer = ? WHERE id = ?")
			.params(foundVia.name(), (referrer == null || referrer.isBlank()) ? null : referrer.strip(), id.value())
			.update();
		// Again once written: a read meanwhile may have kept the old row.
		this.known.forgetAfterCommit(id);
	}

	/**
	 * How the clinic's clients found it: a count per source (unknown included), and per
	 * named referrer.
	 */
	public ReferralReport referralReport(ClinicId clinic) {
		Map<String, Long> bySource = new LinkedHashMap<>();
		for (FoundVia source : FoundVia.values()) {
			bySource.put(source.name(), 0L);
		}
		bySource.put("UNKNOWN", 0L);
		this.jdbc.sql(
				"SELECT coalesce(found_via, 'UNKNOWN') AS source, count(*) AS n FROM client WHERE clinic_id = ? GROUP BY 1")
			.param(clinic.value())
			.query((rs, n) -> bySource.put(rs.getString("source"), rs.getLong("n")))
			.list();
		List<ReferralReport.Referrer> referrers = this.jdbc.sql("""
				SELECT found_via, referrer, count(*) AS n FROM client WHERE clinic_id = ? AND referrer IS NOT NULL
				GROUP BY found_via, referrer ORDER BY count(*) DESC, referrer""")
			.param(clinic.value())
			.query((rs, n) -> new ReferralReport.Referrer(FoundVia.valueOf(rs.getString("found_via")),
					rs.getString("referrer"), rs.getLong("n")))
			.list();
		return new ReferralReport(bySource, referrers);
	}

	/**
	 * Every client of the clinic, erased ones included (statistics, the audit log's
	 * names).
	 */
	public List<Client> all(ClinicId clinic) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM client WHERE clinic_id = ? ORDER BY name, id")
			.param(clinic.value())
			.query(CLIENT)
			.list();
	}

	/** At most this many clients answer a search. */
	public static final int SEARCH_LIMIT = 20;

	/**
	 * The clinic's clients the front desk can pick, found by part of their name or
	 * e-mail, or by their date of birth (ISO, as 1984-03-17): the erased are never
	 * offered. Namesakes come back side by side, told apart by e-mail and date of birth.
	 */
	public List<Client> search(ClinicId clinic, String query) {
		String wanted = (query != null) ? query.strip() : "";
		if (wanted.isEmpty() || wanted.length() > 100) {
			return List.of();
		}
		LocalDate born = null;
		try {
			born = LocalDate.parse(wanted);
		}
		catch (java.time.format.DateTimeParseException notADate) {
			// A name or an e-mail, then.
		}
		String like = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM client " + """
				WHERE clinic_id = ? AND erased_at IS NULL
				AND (name ILIKE ? OR email ILIKE ? OR date_of_birth = ?)
				ORDER BY name, date_of_birth, id LIMIT ?""")
			.params(clinic.value(), like, like, born, SEARCH_LIMIT)
			.query(CLIENT)
			.list();
	}

	/**
	 * The names of the clients, read in one query (a calendar names many at once); an
	 * erased client's name is the anonymous one.
	 */
	public Map<ClientId, String> names(java.util.Collection<ClientId> clients) {
		Map<ClientId, String> names = new LinkedHashMap<>();
		if (clients.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT id, name FROM client WHERE id = ANY(?)")
			.param(clients.stream().map(ClientId::value).distinct().toArray(UUID[]::new))
			.query((rs, n) -> names.put(new ClientId(rs.getObject("id", UUID.class)), rs.getString("name")))
			.list();
		return names;
	}

	/**
	 * The clinic's clients who can be picked for something new: everyone but the erased.
	 */
	public List<Client> current(ClinicId clinic) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM client WHERE clinic_id = ? AND erased_at IS NULL ORDER BY name, id")
			.param(clinic.value())
			.query(CLIENT)
			.list();
	}

}
