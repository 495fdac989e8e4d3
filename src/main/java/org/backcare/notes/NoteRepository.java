package org.backcare.notes;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.assessment.PainRegion;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentCompleted;
import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.ReadAhead;
import org.backcare.platform.Timestamps;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of session notes. A note is read with its areas, amendments and sharing. */
@Repository
class NoteRepository {

	private static final String COLUMNS = """
			n.clinic_id, n.id, n.appointment_id, n.client_id, n.therapist_id, n.session_start, n.subjective, n.pain_now, n.objective,
			n.assessment, n.plan, n.minutes, n.created_at, n.updated_at, n.signed_at, n.signed_by, n.signer_name,
			n.signer_licence, n.client_name, n.client_born, n.content_hash, s.note_id IS NOT NULL AS shared
			FROM session_note n LEFT JOIN session_note_share s ON s.clinic_id = n.clinic_id AND s.note_id = n.id
			""";

	private final JdbcClient jdbc;

	private final ReadAhead<ClientId, List<SessionNote>> ahead = new ReadAhead<>();

	NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SessionNote> find(NoteId id) {
		return complete(
				this.jdbc.sql("SELECT " + COLUMNS + " WHERE n.id = ?").param(id.value()).query(this::row).list())
			.stream()
			.findFirst();
	}

	Optional<SessionNote> ofAppointment(AppointmentId appointment) {
		return complete(this.jdbc.sql("SELECT " + COLUMNS + " WHERE n.appointment_id = ?")
			.param(appointment.value())
			.query(this::row)
			.list()).stream().findFirst();
	}

	/** The notes of these sessions, by session: one query for a whole day's view. */
	Map<AppointmentId, SessionNote> ofAppointments(Collection<AppointmentId> appointments) {
		if (appointments.isEmpty()) {
			return Map.of();
		}
		List<SessionNote> notes = complete(this.jdbc.sql("SELECT " + COLUMNS + " WHERE n.appointment_id = ANY(?)")
			.param(appointments.stream().map(AppointmentId::value).toArray(UUID[]::new))
			.query(this::row)
			.list());
		Map<AppointmentId, SessionNote> byAppointment = new HashMap<>();
		notes.forEach(note -> byAppointment.put(note.appointmentId(), note));
		return byAppointment;
	}

	/**
	 * Reads the notes about all the clients in three statements (notes, areas,
	 * amendments), for this transaction's {@link #ofClient} to answer from.
	 */
	void readAhead(Collection<ClientId> clients) {
		this.ahead.keep(ReadAhead.byKey(clients,
				complete(this.jdbc.sql("SELECT " + COLUMNS + """
						WHERE n.client_id = ANY (?) ORDER BY n.session_start DESC""")
					.param(clients.stream().map(ClientId::value).toArray(UUID[]::new))
					.query(this::row)
					.list()),
				SessionNote::clientId));
	}

	/** Every note about the client, the newest session first. */
	List<SessionNote> ofClient(ClientId client) {
		Optional<List<SessionNote>> kept = this.ahead.kept(client);
		if (kept.isPresent()) {
			return kept.get();
		}
		return complete(this.jdbc.sql("SELECT " + COLUMNS + """
				WHERE n.client_id = ? ORDER BY n.session_start DESC""").param(client.value()).query(this::row).list());
	}

	/**
	 * The pain (0–10) each signed note about the client records, by session; with
	 * {@code sharedOnly}, only from notes shared with the client. One statement, for the
	 * client's progress chart.
	 */
	Map<AppointmentId, Integer> painOfClient(ClientId client, boolean sharedOnly) {
		Map<AppointmentId, Integer> pain = new HashMap<>();
		this.jdbc.sql("""
				SELECT n.appointment_id, n.pain_now FROM session_note n
				 WHERE n.client_id = ? AND n.signed_at IS NOT NULL AND n.pain_now IS NOT NULL
				   AND (NOT ? OR EXISTS (SELECT 1 FROM session_note_share s
				                          WHERE s.clinic_id = n.clinic_id AND s.note_id = n.id))""")
			.params(client.value(), sharedOnly)
			.query((rs, n) -> pain.put(new AppointmentId(rs.getObject(1, UUID.class)), rs.getInt(2)))
			.list();
		return pain;
	}

	/**
	 * The therapist's most recent signed note about the client, of a session before this
	 * start.
	 */
	Optional<SessionNote> lastSigned(TherapistId therapist, ClientId client, Instant before) {
		return complete(this.jdbc.sql("SELECT " + COLUMNS + """
				 WHERE n.therapist_id = ? AND n.client_id = ? AND n.signed_at IS NOT NULL AND n.session_start < ?
				ORDER BY n.session_start DESC LIMIT 1""")
			.params(therapist.value(), client.value(), Timestamps.utc(before))
			.query(this::row)
			.list()).stream().findFirst();
	}

	/**
	 * Locks the session's note row, if there is one, until the transaction ends: a save,
	 * a signing and a start from the last note of one session queue, so a signature
	 * always covers the content it read.
	 */
	void lockOfAppointment(AppointmentId appointment) {
		this.jdbc.sql("SELECT id FROM session_note WHERE appointment_id = ? FOR UPDATE")
			.param(appointment.value())
			.query()
			.listOfRows();
	}

	/**
	 * A new draft; false when the session has one already (another tab, another node).
	 */
	boolean insertDraft(NoteId id, ClinicId clinic, AppointmentId appointment, ClientId client, TherapistId therapist,
			Instant sessionStart, NoteContent content, Instant now) {
		int inserted = this.jdbc.sql("""
				INSERT INTO session_note (clinic_id, id, appointment_id, client_id, therapist_id, session_start,
				                          subjective, pain_now, objective, assessment, plan, minutes, created_at,
				                          updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (clinic_id, appointment_id) DO NOTHING""")
			.params(clinic.value(), id.value(), appointment.value(), client.value(), therapist.value(),
					Timestamps.utc(sessionStart), content.subjective(), content.painNow(), content.objective(),
					content.assessment(), content.plan(), content.minutes(), Timestamps.utc(now), Timestamps.utc(now))
			.update();
		if (inserted == 1) {
			insertAreas(clinic, id, content.areas());
		}
		return inserted == 1;
	}

	/** Rewrites a draft (the trigger refuses a signed note). */
	void updateDraft(SessionNote note, NoteContent content, Instant now) {
		this.jdbc.sql("""
				UPDATE session_note SET subjective = ?, pain_now = ?, objective = ?, assessment = ?, plan = ?,
				                        minutes = ?, updated_at = ?
				WHERE clinic_id = ? AND id = ?""")
			.params(content.subjective(), content.painNow(), content.objective(), content.assessment(), content.plan(),
					content.minutes(), Timestamps.utc(now), note.clinicId().value(), note.id().value())
			.update();
		this.jdbc.sql("DELETE FROM session_note_area WHERE clinic_id = ? AND note_id = ?")
			.params(note.clinicId().value(), note.id().value())
			.update();
		insertAreas(note.clinicId(), note.id(), content.areas());
	}

	private void insertAreas(ClinicId clinic, NoteId note, List<TreatedArea> areas) {
		for (TreatedArea area : areas) {
			this.jdbc.sql("""
					INSERT INTO session_note_area (clinic_id, note_id, region, technique, pressure)
					VALUES (?, ?, ?, ?, ?)""")
				.params(clinic.value(), note.value(), area.region().name(),
						(area.technique() != null) ? area.technique().name() : null, area.pressure().name())
				.update();
		}
	}

	/** Signs a draft; false when it was signed meanwhile. */
	boolean sign(SessionNote note, Signature signature) {
		return this.jdbc.sql("""
				UPDATE session_note SET signed_at = ?, signed_by = ?, signer_name = ?, signer_licence = ?,
				                        client_name = ?, client_born = ?, content_hash = ?, updated_at = ?
				WHERE clinic_id = ? AND id = ? AND signed_at IS NULL""")
			.params(Timestamps.utc(signature.signedAt()), signature.signedBy(), signature.signerName(),
					signature.signerLicence(), signature.clientName(),
					(signature.clientBorn() != null) ? Date.valueOf(signature.clientBorn()) : null,
					signature.contentHash(), Timestamps.utc(signature.signedAt()), note.clinicId().value(),
					note.id().value())
			.update() == 1;
	}

	void amend(SessionNote note, Amendment amendment) {
		this.jdbc.sql("""
				INSERT INTO session_note_amendment (clinic_id, id, note_id, reason, body, written_at, author_account_id,
				                                    author_name, author_licence, content_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(note.clinicId().value(), amendment.id(), note.id().value(), amendment.reason(), amendment.body(),
					Timestamps.utc(amendment.writtenAt()), amendment.authorAccountId(), amendment.authorName(),
					amendment.authorLicence(), amendment.contentHash())
			.update();
	}

	void share(SessionNote note, boolean shared, UUID by, Instant now) {
		if (shared) {
			this.jdbc.sql("""
					INSERT INTO session_note_share (clinic_id, note_id, shared_at, shared_by) VALUES (?, ?, ?, ?)
					ON CONFLICT DO NOTHING""")
				.params(note.clinicId().value(), note.id().value(), Timestamps.utc(now), by)
				.update();
		}
		else {
			this.jdbc.sql("DELETE FROM session_note_share WHERE clinic_id = ? AND note_id = ?")
				.params(note.clinicId().value(), note.id().value())
				.update();
		}
	}

	/** A held session owes a note, unless it is signed already (signing completes it). */
	void due(AppointmentCompleted held) {
		this.jdbc.sql("""
				INSERT INTO note_due (clinic_id, appointment_id, therapist_id, client_id, session_start, session_end)
				SELECT ?, ?, ?, ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM session_note
				                  WHERE clinic_id = ? AND appointment_id = ? AND signed_at IS NOT NULL)
				ON CONFLICT DO NOTHING""")
			.params(held.clinic().value(), held.id().value(), held.therapist().value(), held.client().value(),
					Timestamps.utc(held.start()), Timestamps.utc(held.end()), held.clinic().value(), held.id().value())
			.update();
	}

	void noLongerDue(Appointment session) {
		this.jdbc.sql("DELETE FROM note_due WHERE clinic_id = ? AND appointment_id = ?")
			.params(session.clinicId().value(), session.id().value())
			.update();
	}

	/**
	 * The therapist's sessions that ended before {@code before} without a signed note,
	 * oldest first.
	 */
	List<NoteDue> dueOf(TherapistId therapist, Instant before) {
		return this.jdbc.sql(DUE + " WHERE therapist_id = ? AND session_end < ? ORDER BY session_start")
			.params(therapist.value(), Timestamps.utc(before))
			.query(NoteRepository::due)
			.list();
	}

	/** As {@link #dueOf}, for the whole clinic. */
	List<NoteDue> dueIn(ClinicId clinic, Instant before) {
		return this.jdbc.sql(DUE + " WHERE clinic_id = ? AND session_end < ? ORDER BY session_start")
			.params(clinic.value(), Timestamps.utc(before))
			.query(NoteRepository::due)
			.list();
	}

	private static final String DUE = "SELECT appointment_id, therapist_id, client_id, session_start, session_end FROM note_due";

	private static NoteDue due(ResultSet rs, int n) throws SQLException {
		return new NoteDue(new AppointmentId(rs.getObject("appointment_id", UUID.class)),
				new TherapistId(rs.getObject("therapist_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)), Timestamps.instant(rs, "session_start"),
				Timestamps.instant(rs, "session_end"));
	}

	/** Drops the client's drafts (erasure): signed notes stay, as the law asks. */
	void deleteDrafts(ClientId client) {
		this.jdbc.sql("DELETE FROM session_note WHERE client_id = ? AND signed_at IS NULL")
			.param(client.value())
			.update();
		this.jdbc.sql("DELETE FROM note_due WHERE client_id = ?").param(client.value()).update();
	}

	/** The clinic's retention in years, if it set one. */
	Optional<Integer> retentionYears(ClinicId clinic) {
		return this.jdbc.sql("SELECT years FROM note_retention WHERE clinic_id = ?")
			.param(clinic.value())
			.query(Integer.class)
			.optional();
	}

	void setRetentionYears(ClinicId clinic, int years) {
		this.jdbc.sql("""
				INSERT INTO note_retention (clinic_id, years) VALUES (?, ?)
				ON CONFLICT (clinic_id) DO UPDATE SET years = EXCLUDED.years""").params(clinic.value(), years).update();
	}

	/** Areas and amendments of the notes read, two queries however many notes. */
	private List<SessionNote> complete(List<SessionNote> notes) {
		if (notes.isEmpty()) {
			return notes;
		}
		UUID[] ids = notes.stream().map(note -> note.id().value()).toArray(UUID[]::new);
		Map<UUID, List<TreatedArea>> areas = new HashMap<>();
		this.jdbc.sql("SELECT note_id, region, technique, pressure FROM session_note_area WHERE note_id = ANY(?)")
			.param(ids)
			.query(rs -> {
				areas.computeIfAbsent(rs.getObject("note_id", UUID.class), key -> new ArrayList<>())
					.add(new TreatedArea(PainRegion.valueOf(rs.getString("region")),
							(rs.getString("technique") != null) ? Technique.valueOf(rs.getString("technique")) : null,
							TreatmentPressure.valueOf(rs.getString("pressure"))));
			});
		Map<UUID, List<Amendment>> amendments = new HashMap<>();
		this.jdbc.sql("""
				SELECT note_id, id, reason, body, written_at, author_account_id, author_name, author_licence,
				       content_hash
				FROM session_note_amendment WHERE note_id = ANY(?) ORDER BY written_at, id""").param(ids).query(rs -> {
			amendments.computeIfAbsent(rs.getObject("note_id", UUID.class), key -> new ArrayList<>())
				.add(new Amendment(rs.getObject("id", UUID.class), rs.getString("reason"), rs.getString("body"),
						Timestamps.instant(rs, "written_at"), rs.getObject("author_account_id", UUID.class),
						rs.getString("author_name"), rs.getString("author_licence"), rs.getString("content_hash")));
		});
		return notes.stream().map(note -> {
			List<TreatedArea> treated = areas.getOrDefault(note.id().value(), List.of());
			NoteContent content = note.content();
			return new SessionNote(note.id(), note.clinicId(), note.appointmentId(), note.clientId(),
					note.therapistId(), note.sessionStart(),
					new NoteContent(content.subjective(), content.painNow(), content.objective(), content.assessment(),
							content.plan(), content.minutes(), treated),
					note.createdAt(), note.updatedAt(), note.signature(),
					List.copyOf(amendments.getOrDefault(note.id().value(), List.of())), note.shared());
		}).toList();
	}

	private SessionNote row(ResultSet rs, int n) throws SQLException {
		Instant signedAt = Timestamps.instant(rs, "signed_at");
		Date born = rs.getDate("client_born");
		Signature signature = (signedAt == null) ? null
				: new Signature(signedAt, rs.getObject("signed_by", UUID.class), rs.getString("signer_name"),
						rs.getString("signer_licence"), rs.getString("client_name"),
						(born != null) ? born.toLocalDate() : null, rs.getString("content_hash"));
		return new SessionNote(new NoteId(rs.getObject("id", UUID.class)),
				new ClinicId(rs.getObject("clinic_id", UUID.class)),
				new AppointmentId(rs.getObject("appointment_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)),
				new TherapistId(rs.getObject("therapist_id", UUID.class)), Timestamps.instant(rs, "session_start"),
				new NoteContent(rs.getString("subjective"), rs.getObject("pain_now", Integer.class),
						rs.getString("objective"), rs.getString("assessment"), rs.getString("plan"),
						rs.getObject("minutes", Integer.class), List.of()),
				Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"), signature, List.of(),
				rs.getBoolean("shared"));
	}

}
