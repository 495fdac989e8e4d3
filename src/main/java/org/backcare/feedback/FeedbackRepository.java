package org.backcare.feedback;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.backcare.assessment.PainRegion;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.ReadAhead;
import org.backcare.platform.Timestamps;
import org.backcare.therapist.TherapistId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of session feedback; each read with its per-area pressure in one more query.
 */
@Repository
class FeedbackRepository {

	private static final String COLUMNS = """
			SELECT clinic_id, id, appointment_id, client_id, therapist_id, session_start, session_end,
			       overall_pressure, soreness_next_day, comfort, pain_now, helped, avoid, avoid_regions, given_at,
			       updated_at
			FROM session_feedback
			""";

	private final JdbcClient jdbc;

	private final ReadAhead<ClientId, List<SessionFeedback>> ahead = new ReadAhead<>();

	FeedbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SessionFeedback> ofAppointment(AppointmentId appointment) {
		return complete(this.jdbc.sql(COLUMNS + " WHERE appointment_id = ?")
			.param(appointment.value())
			.query(FeedbackRepository::row)
			.list()).stream().findFirst();
	}

	/** Feedback on these sessions, by session: one view, two queries. */
	Map<AppointmentId, SessionFeedback> ofAppointments(Collection<AppointmentId> appointments) {
		if (appointments.isEmpty()) {
			return Map.of();
		}
		Map<AppointmentId, SessionFeedback> found = new HashMap<>();
		complete(this.jdbc.sql(COLUMNS + " WHERE appointment_id = ANY(?)")
			.param(appointments.stream().map(AppointmentId::value).toArray(UUID[]::new))
			.query(FeedbackRepository::row)
			.list()).forEach(feedback -> found.put(feedback.appointmentId(), feedback));
		return found;
	}

	/** Each of these clients' feedback on their latest session that has some. */
	Map<ClientId, SessionFeedback> latestOf(Collection<ClientId> clients) {
		if (clients.isEmpty()) {
			return Map.of();
		}
		Map<ClientId, SessionFeedback> latest = new HashMap<>();
		complete(this.jdbc
			.sql("SELECT DISTINCT ON (client_id) " + COLUMNS.substring("SELECT ".length())
					+ " WHERE client_id = ANY(?) ORDER BY client_id, session_start DESC")
			.param(clients.stream().map(ClientId::value).distinct().toArray(UUID[]::new))
			.query(FeedbackRepository::row)
			.list()).forEach(given -> latest.put(given.clientId(), given));
		return latest;
	}

	/**
	 * Reads the feedback of all the clients in two statements (feedback, pressure by
	 * area), for this transaction's {@link #ofClient} to answer from.
	 */
	void readAhead(Collection<ClientId> clients) {
		this.ahead.keep(ReadAhead.byKey(clients,
				complete(this.jdbc.sql(COLUMNS + " WHERE client_id = ANY (?) ORDER BY session_start DESC")
					.param(clients.stream().map(ClientId::value).toArray(UUID[]::new))
					.query(FeedbackRepository::row)
					.list()),
				SessionFeedback::clientId));
	}

	/** The client's feedback, the latest session first. */
	List<SessionFeedback> ofClient(ClientId client) {
		Optional<List<SessionFeedback>> kept = this.ahead.kept(client);
		if (kept.isPresent()) {
			return kept.get();
		}
		return complete(this.jdbc.sql(COLUMNS + " WHERE client_id = ? ORDER BY session_start DESC")
			.param(client.value())
			.query(FeedbackRepository::row)
			.list());
	}

	/** The pain (0–10) the client gave in each session's feedback, by session. */
	Map<AppointmentId, Integer> painOfClient(ClientId client) {
		Map<AppointmentId, Integer> pain = new HashMap<>();
		this.jdbc
			.sql("SELECT appointment_id, pain_now FROM session_feedback WHERE client_id = ? AND pain_now IS NOT NULL")
			.param(client.value())
			.query((rs, n) -> pain.put(new AppointmentId(rs.getObject(1, UUID.class)), rs.getInt(2)))
			.list();
		return pain;
	}

	/**
	 * Writes the client's answers for the session, a first time or again (one row per
	 * session: two tabs saving at once leave the later answers).
	 */
	void save(Appointment session, FeedbackAnswers answers, Instant now) {
		UUID id = this.jdbc.sql("""
				INSERT INTO session_feedback (clinic_id, id, appointment_id, client_id, therapist_id, session_start,
				                              session_end, overall_pressure, soreness_next_day, comfort, pain_now,
				                              helped, avoid, avoid_regions, given_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ',')::text[], ?, ?)
				ON CONFLICT (clinic_id, appointment_id) DO UPDATE SET overall_pressure = EXCLUDED.overall_pressure,
				    soreness_next_day = EXCLUDED.soreness_next_day, comfort = EXCLUDED.comfort,
				    pain_now = EXCLUDED.pain_now, helped = EXCLUDED.helped, avoid = EXCLUDED.avoid,
				    avoid_regions = EXCLUDED.avoid_regions, updated_at = EXCLUDED.updated_at
				RETURNING id""")
			.params(session.clinicId().value(), UUID.randomUUID(), session.id().value(), session.clientId().value(),
					session.therapistId().value(), Timestamps.utc(session.start()), Timestamps.utc(session.end()),
					(answers.overallPressure() != null) ? answers.overallPressure().name() : null,
					answers.sorenessNextDay(), answers.comfort(), answers.painNow(), answers.helped(), answers.avoid(),
					String.join(",", answers.avoidAreas().stream().map(Enum::name).toList()), Timestamps.utc(now),
					Timestamps.utc(now))
			.query(UUID.class)
			.single();
		this.jdbc.sql("DELETE FROM session_feedback_pressure WHERE clinic_id = ? AND feedback_id = ?")
			.params(session.clinicId().value(), id)
			.update();
		answers.pressure().forEach((region, verdict) -> this.jdbc.sql("""
				INSERT INTO session_feedback_pressure (clinic_id, feedback_id, region, verdict)
				VALUES (?, ?, ?, ?)""").params(session.clinicId().value(), id, region.name(), verdict.name()).update());
	}

	void forgetClient(ClientId client) {
		this.jdbc.sql("DELETE FROM session_feedback WHERE client_id = ?").param(client.value()).update();
	}

	private List<SessionFeedback> complete(List<SessionFeedback> found) {
		if (found.isEmpty()) {
			return found;
		}
		Map<UUID, Map<PainRegion, PressureVerdict>> pressure = new HashMap<>();
		this.jdbc.sql("SELECT feedback_id, region, verdict FROM session_feedback_pressure WHERE feedback_id = ANY(?)")
			.param(found.stream().map(SessionFeedback::id).toArray(UUID[]::new))
			.query(rs -> {
				pressure
					.computeIfAbsent(rs.getObject("feedback_id", UUID.class), key -> new EnumMap<>(PainRegion.class))
					.put(PainRegion.valueOf(rs.getString("region")), PressureVerdict.valueOf(rs.getString("verdict")));
			});
		return found.stream().map(feedback -> {
			FeedbackAnswers a = feedback.answers();
			return new SessionFeedback(feedback.id(), feedback.clinicId(), feedback.appointmentId(),
					feedback.clientId(), feedback.therapistId(), feedback.sessionStart(), feedback.sessionEnd(),
					new FeedbackAnswers(a.overallPressure(), pressure.getOrDefault(feedback.id(), Map.of()),
							a.sorenessNextDay(), a.comfort(), a.painNow(), a.helped(), a.avoid(), a.avoidAreas()),
					feedback.givenAt(), feedback.updatedAt());
		}).toList();
	}

	private static SessionFeedback row(ResultSet rs, int n) throws SQLException {
		Set<PainRegion> avoid = EnumSet.noneOf(PainRegion.class);
		Array regions = rs.getArray("avoid_regions");
		for (String region : (String[]) regions.getArray()) {
			avoid.add(PainRegion.valueOf(region));
		}
		String overall = rs.getString("overall_pressure");
		return new SessionFeedback(rs.getObject("id", UUID.class), new ClinicId(rs.getObject("clinic_id", UUID.class)),
				new AppointmentId(rs.getObject("appointment_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)),
				new TherapistId(rs.getObject("therapist_id", UUID.class)), Timestamps.instant(rs, "session_start"),
				Timestamps.instant(rs, "session_end"),
				new FeedbackAnswers((overall != null) ? PressureVerdict.valueOf(overall) : null, Map.of(),
						rs.getObject("soreness_next_day", Integer.class), rs.getObject("comfort", Integer.class),
						rs.getObject("pain_now", Integer.class), rs.getString("helped"), rs.getString("avoid"), avoid),
				Timestamps.instant(rs, "given_at"), Timestamps.instant(rs, "updated_at"));
	}

}
