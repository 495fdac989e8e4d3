package org.backcare.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.client.Attendance;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.PendingWrites;
import org.backcare.platform.ReadAhead;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

/**
 * Appointments in PostgreSQL. Writes that the exclusion constraints refuse come back as
 * {@link SlotTaken}: the database, not a prior read, decides who gets a slot.
 */
@Repository
class AppointmentRepository {

	private static final String COLUMNS = """
			clinic_id, id, therapist_id, client_id, service_code, technique, starts_at, ends_at, blocked_until,
			status, cancelled_at, cancellation_reason, version, late_cancellation""";

	private static final RowMapper<Appointment> APPOINTMENT = AppointmentRepository::map;

	private final JdbcClient jdbc;

	private final ReadAhead<ClientId, List<Appointment>> ahead = new ReadAhead<>();

	private final PendingWrites pending;

	AppointmentRepository(JdbcClient jdbc, PendingWrites pending) {
		this.jdbc = jdbc;
		this.pending = pending;
	}

	void insert(Appointment appointment) {
		insert(appointment, null);
	}

	/** Inserts one session, of the series when one is given. */
	void insert(Appointment appointment, UUID series) {
		insert(appointment, series, null);
	}

	/**
	 * Inserts a session that has already taken place, as completed at
	 * {@code completedAt}.
	 */
	void insertCompleted(Appointment appointment, Instant completedAt) {
		insert(appointment, null, completedAt);
	}

	/**
	 * One statement, one round trip: the writes waiting in this transaction (its audit
	 * entry), the therapist's and client's turn ({@link #queueFor}, taken before the row
	 * is), and the row, which the exclusion constraints accept or refuse.
	 */
	private void insert(Appointment appointment, UUID series, Instant completedAt) {
		guarded(() -> this.pending
			.carrying(QUEUED, """
					INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, technique,
					                         starts_at, ends_at, blocked_until, series_id, status, completed_at)
					SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM queued""", appointment.therapistId().value(),
					appointment.clientId().value(), appointment.clinicId().value(), appointment.id().value(),
					appointment.therapistId().value(), appointment.clientId().value(), appointment.service(),
					(appointment.technique() != null) ? appointment.technique().name() : null, utc(appointment.start()),
					utc(appointment.end()), utc(appointment.blockedUntil()), series,
					(completedAt != null) ? "COMPLETED" : "BOOKED", (completedAt != null) ? utc(completedAt) : null)
			.update());
		if (completedAt == null) {
			InsertedInTransaction.remember(appointment);
		}
	}

	void insertSeries(ClinicId clinic, UUID series, ClientId client, TherapistId therapist, String service,
			Technique technique, String rrule, java.time.LocalDateTime firstLocal, java.time.ZoneId zone) {
		this.jdbc.sql("""
				INSERT INTO appointment_series (clinic_id, id, client_id, therapist_id, service_code, technique, rrule,
				                                first_local, time_zone)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(clinic.value(), series, client.value(), therapist.value(), service,
					(technique != null) ? technique.name() : null, rrule, firstLocal, zone.getId())
			.update();
	}

	/** The series an appointment belongs to, if any. */
	Optional<UUID> seriesOf(AppointmentId appointment) {
		return this.jdbc.sql("SELECT series_id FROM appointment WHERE id = ? AND series_id IS NOT NULL")
			.param(appointment.value())
			.query(UUID.class)
			.optional();
	}

	/** The sessions of a series, in order. */
	List<Appointment> ofSeries(UUID series) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE series_id = ? ORDER BY starts_at")
			.param(series)
			.query(APPOINTMENT)
			.list();
	}

	/** A series' rule, as stored. */
	Optional<String> seriesRule(UUID series) {
		return this.jdbc.sql("SELECT rrule FROM appointment_series WHERE id = ?")
			.param(series)
			.query(String.class)
			.optional();
	}

	Optional<Appointment> find(AppointmentId id) {
		Appointment inserted = InsertedInTransaction.find(id);
		if (inserted != null) {
			return Optional.of(inserted);
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE id = ?")
			.param(id.value())
			.query(APPOINTMENT)
			.optional();
	}

	/**
	 * Reads the row as committed, waiting for a change in progress (a move, a
	 * cancellation) to commit or roll back first; does not keep others from reading.
	 */
	Optional<Appointment> settled(AppointmentId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE id = ? FOR SHARE")
			.param(id.value())
			.query(APPOINTMENT)
			.optional();
	}

	/**
	 * Reads and locks the row, so that a concurrent cancel and reschedule of one
	 * appointment serialise.
	 */
	Optional<Appointment> lock(AppointmentId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE id = ? FOR UPDATE")
			.param(id.value())
			.query(APPOINTMENT)
			.optional();
	}

	void move(Appointment appointment, TherapistId therapist, Instant start, Instant end, Instant blockedUntil) {
		InsertedInTransaction.forget();
		guarded(() -> this.jdbc.sql("""
				UPDATE appointment SET therapist_id = ?, starts_at = ?, ends_at = ?, blocked_until = ?,
				       version = version + 1, updated_at = now()
				WHERE clinic_id = ? AND id = ?""")
			.params(therapist.value(), utc(start), utc(end), utc(blockedUntil), appointment.clinicId().value(),
					appointment.id().value())
			.update());
	}

	/**
	 * Makes competing writes for the same therapist or the same client wait their turn,
	 * in one order (lower key first), until this transaction ends. Without it, two
	 * inserts that collide on an exclusion constraint each wait for the other and
	 * PostgreSQL aborts one as a deadlock; with it, the second sees the first's outcome
	 * and gets a definite answer. The constraints still decide; this only orders the
	 * contenders.
	 */
	void queueFor(TherapistId therapist, ClientId client) {
		this.jdbc.sql("WITH " + QUEUED + " SELECT 1 FROM queued")
			.params(therapist.value(), client.value())
			.query()
			.listOfRows();
	}

	/** The therapist's and the client's turn (parameters: therapist, client). */
	private static final String QUEUED = """
			queued AS (SELECT pg_advisory_xact_lock(least(a, b)), pg_advisory_xact_lock(greatest(a, b))
			           FROM (SELECT hashtextextended(?::text, 1) AS a, hashtextextended(?::text, 2) AS b) keys)""";

	void complete(Appointment appointment, Instant at) {
		InsertedInTransaction.forget();
		this.jdbc.sql("""
				UPDATE appointment SET status = 'COMPLETED', completed_at = ?, version = version + 1, updated_at = now()
				WHERE clinic_id = ? AND id = ?""")
			.params(utc(at), appointment.clinicId().value(), appointment.id().value())
			.update();
	}

	boolean haveCompleted(TherapistId therapist, ClientId client) {
		return this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM appointment WHERE therapist_id = ? AND client_id = ? AND status = 'COMPLETED')")
			.params(therapist.value(), client.value())
			.query(Boolean.class)
			.single();
	}

	void cancel(Appointment appointment, String reason, Instant at, boolean late) {
		InsertedInTransaction.forget();
		this.jdbc.sql("""
				UPDATE appointment SET status = 'CANCELLED', cancelled_at = ?, cancellation_reason = ?,
				                       late_cancellation = ?, version = version + 1, updated_at = now()
				WHERE clinic_id = ? AND id = ?""")
			.params(utc(at), reason, late, appointment.clinicId().value(), appointment.id().value())
			.update();
	}

	void noShow(Appointment appointment, Instant at) {
		InsertedInTransaction.forget();
		this.jdbc.sql("""
				UPDATE appointment SET status = 'NO_SHOW', no_show_at = ?, version = version + 1, updated_at = now()
				WHERE clinic_id = ? AND id = ?""")
			.params(utc(at), appointment.clinicId().value(), appointment.id().value())
			.update();
	}

	/** How the client has kept their sessions: completed, cancelled late, not come to. */
	Attendance attendance(ClientId client) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
				       count(*) FILTER (WHERE late_cancellation) AS late_cancelled,
				       count(*) FILTER (WHERE status = 'NO_SHOW') AS no_show
				FROM appointment WHERE client_id = ?""")
			.param(client.value())
			.query((rs, n) -> new Attendance(rs.getInt("completed"), rs.getInt("late_cancelled"), rs.getInt("no_show")))
			.single();
	}

	/**
	 * The therapist's booked sessions starting at or after {@code from}, soonest first.
	 */
	List<Appointment> upcomingOf(TherapistId therapist, Instant from) {
		return upcoming("therapist_id", therapist.value(), from);
	}

	List<Appointment> upcoming(ClinicId clinic, Instant from) {
		return upcoming("clinic_id", clinic.value(), from);
	}

	List<Bookings.BookedSession> bookedStarting(Collection<ClinicId> clinics, Instant after, Instant until) {
		if (clinics.isEmpty()) {
			return List.of();
		}
		// For a booked session, updated_at is when it was booked or last moved: every
		// other change of a session also ends its being booked.
		return this.jdbc.sql("SELECT " + COLUMNS + """
				, updated_at FROM appointment
				WHERE status = 'BOOKED' AND starts_at > ? AND starts_at <= ? AND clinic_id = ANY (?)""")
			.params(utc(after), utc(until), clinics.stream().map(ClinicId::value).toArray(UUID[]::new))
			.query((rs, n) -> new Bookings.BookedSession(APPOINTMENT.mapRow(rs, n), instant(rs, "updated_at")))
			.list();
	}

	private List<Appointment> upcoming(String whose, UUID id, Instant from) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM appointment WHERE " + whose
					+ " = ? AND status = 'BOOKED' AND starts_at >= ? ORDER BY starts_at, id")
			.params(id, utc(from))
			.query(APPOINTMENT)
			.list();
	}

	/**
	 * Every appointment of the clinic that touches the window (its buffer included), in
	 * one query however many therapists there are.
	 */
	List<Appointment> ofClinic(ClinicId clinic, TimeRange window) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM appointment WHERE clinic_id = ? AND tstzrange(starts_at, blocked_until) && tstzrange(?, ?)
				ORDER BY starts_at, id""")
			.params(clinic.value(), utc(window.start()), utc(window.end()))
			.query(APPOINTMENT)
			.list();
	}

	List<Appointment> ofTherapist(TherapistId therapist, TimeRange window) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM appointment WHERE therapist_id = ? AND tstzrange(starts_at, ends_at) && tstzrange(?, ?)
				ORDER BY starts_at""")
			.params(therapist.value(), utc(window.start()), utc(window.end()))
			.query(APPOINTMENT)
			.list();
	}

	/**
	 * Whether the therapist has, or had, any appointment with the client: their care
	 * relationship.
	 */
	boolean haveMet(TherapistId therapist, ClientId client) {
		// A cancelled booking is not a reason to see someone's records.
		return this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM appointment WHERE therapist_id = ? AND client_id = ? AND status <> 'CANCELLED')")
			.params(therapist.value(), client.value())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Reads the sessions of all the clients in one statement, for this transaction's
	 * {@link #ofClient} to answer from; returns the clients {@code therapist} (if any)
	 * has met, as {@link #haveMet} would say.
	 */
	List<ClientId> readAhead(Collection<ClientId> clients, TherapistId therapist) {
		Map<ClientId, List<Appointment>> byClient = ReadAhead.byKey(clients,
				this.jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE client_id = ANY (?) ORDER BY starts_at")
					.param(clients.stream().map(ClientId::value).toArray(UUID[]::new))
					.query(APPOINTMENT)
					.list(),
				Appointment::clientId);
		this.ahead.keep(byClient);
		// A cancelled booking is not a reason to see someone's records.
		return byClient.entrySet()
			.stream()
			.filter(sessions -> sessions.getValue()
				.stream()
				.anyMatch(session -> session.therapistId().equals(therapist)
						&& session.status() != AppointmentStatus.CANCELLED))
			.map(Map.Entry::getKey)
			.toList();
	}

	List<Appointment> ofClient(ClientId client) {
		Optional<List<Appointment>> kept = this.ahead.kept(client);
		if (kept.isPresent()) {
			return kept.get();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE client_id = ? ORDER BY starts_at")
			.param(client.value())
			.query(APPOINTMENT)
			.list();
	}

	void forgetClient(ClientId client, Instant now) {
		InsertedInTransaction.forget();
		this.jdbc.sql("""
				UPDATE appointment SET status = 'CANCELLED', cancelled_at = ?, cancellation_reason = '(erased)',
				                       version = version + 1, updated_at = now()
				WHERE client_id = ? AND status = 'BOOKED' AND starts_at > ?""")
			.params(utc(now), client.value(), utc(now))
			.update();
		this.jdbc.sql(
				"UPDATE appointment SET cancellation_reason = '(erased)' WHERE client_id = ? AND cancellation_reason IS NOT NULL")
			.param(client.value())
			.update();
		// Why a treatment was booked without an intake is staff's free text about the
		// client.
		this.jdbc.sql("""
				UPDATE intake_waiver SET reason = '(erased)'
				WHERE (clinic_id, appointment_id) IN (SELECT clinic_id, id FROM appointment WHERE client_id = ?)""")
			.param(client.value())
			.update();
	}

	/**
	 * Records why the front desk booked a treatment without a current intake, in the
	 * booking's transaction.
	 */
	void recordIntakeWaiver(Appointment appointment, String reason, UUID waivedBy) {
		this.jdbc.sql("INSERT INTO intake_waiver (clinic_id, appointment_id, reason, waived_by) VALUES (?, ?, ?, ?)")
			.params(appointment.clinicId().value(), appointment.id().value(), reason, waivedBy)
			.update();
	}

	/** Why the session was booked without a current intake, if it was. */
	Optional<String> intakeWaiver(Appointment appointment) {
		return this.jdbc.sql("SELECT reason FROM intake_waiver WHERE clinic_id = ? AND appointment_id = ?")
			.params(appointment.clinicId().value(), appointment.id().value())
			.query(String.class)
			.optional();
	}

	/** Booked time (sessions plus buffers) of each therapist that overlaps the window. */
	Map<TherapistId, List<TimeRange>> busy(Collection<TherapistId> therapists, TimeRange window) {
		Map<TherapistId, List<TimeRange>> result = new HashMap<>();
		therapists.forEach(id -> result.put(id, new ArrayList<>()));
		this.jdbc.sql("""
				SELECT therapist_id, starts_at, blocked_until FROM appointment
				WHERE therapist_id = ANY (?) AND status IN ('BOOKED', 'COMPLETED')
				  AND tstzrange(starts_at, blocked_until) && tstzrange(?, ?)
				ORDER BY starts_at""")
			.params(therapists.stream().map(TherapistId::value).toArray(UUID[]::new), utc(window.start()),
					utc(window.end()))
			.query((rs, n) -> result.get(new TherapistId(rs.getObject("therapist_id", UUID.class)))
				.add(new TimeRange(instant(rs, "starts_at"), instant(rs, "blocked_until"))))
			.list();
		return result;
	}

	/** The client's sessions that hold their time in the window (without buffers). */
	List<TimeRange> clientBusy(ClientId client, TimeRange window) {
		return this.jdbc
			.sql("""
					SELECT starts_at, ends_at FROM appointment
					WHERE client_id = ? AND status IN ('BOOKED', 'COMPLETED') AND tstzrange(starts_at, ends_at) && tstzrange(?, ?)
					ORDER BY starts_at""")
			.params(client.value(), utc(window.start()), utc(window.end()))
			.query((rs, n) -> new TimeRange(instant(rs, "starts_at"), instant(rs, "ends_at")))
			.list();
	}

	private static void guarded(Runnable write) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException ex) {
			String constraint = constraint(ex);
			if ("appointment_therapist_no_overlap".equals(constraint)) {
				throw SlotTaken.forTherapist();
			}
			if ("appointment_client_no_overlap".equals(constraint)) {
				throw SlotTaken.forClient();
			}
			if ("appointment_therapist_active".equals(constraint)) {
				// The therapist left the clinic while this booking was being checked.
				throw new BookingRefused("therapist-inactive",
						"The therapist no longer takes bookings at this clinic.");
			}
			throw ex;
		}
	}

	private static String constraint(DataIntegrityViolationException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof PSQLException psql) {
			ServerErrorMessage message = psql.getServerErrorMessage();
			return (message != null) ? message.getConstraint() : null;
		}
		return null;
	}

	private static Appointment map(ResultSet rs, int row) throws SQLException {
		String technique = rs.getString("technique");
		OffsetDateTime cancelledAt = rs.getObject("cancelled_at", OffsetDateTime.class);
		return new Appointment(new AppointmentId(rs.getObject("id", UUID.class)),
				new ClinicId(rs.getObject("clinic_id", UUID.class)),
				new TherapistId(rs.getObject("therapist_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("service_code"),
				(technique != null) ? Technique.valueOf(technique) : null, instant(rs, "starts_at"),
				instant(rs, "ends_at"), instant(rs, "blocked_until"), AppointmentStatus.valueOf(rs.getString("status")),
				(cancelledAt != null) ? cancelledAt.toInstant() : null, rs.getString("cancellation_reason"),
				rs.getInt("version"), rs.getBoolean("late_cancellation"));
	}

}
