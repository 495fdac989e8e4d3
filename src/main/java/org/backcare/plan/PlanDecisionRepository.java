package org.backcare.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of decisions on proposals. */
@Repository
class PlanDecisionRepository {

	private static final String COLUMNS = """
			SELECT id, appointment_id, decision, reason, plan, proposal, rules_version, decided_by, decided_at
			FROM plan_decision
			""";

	private final JdbcClient jdbc;

	PlanDecisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Appointment session, PlanDecision decision) {
		this.jdbc.sql("""
				INSERT INTO plan_decision (clinic_id, id, appointment_id, client_id, decision, reason, plan, proposal,
				                           rules_version, decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(session.clinicId().value(), decision.id(), session.id().value(), session.clientId().value(),
					decision.decision().name(), decision.reason(), decision.plan(), decision.proposal(),
					decision.rulesVersion(), decision.decidedBy(), Timestamps.utc(decision.decidedAt()))
			.update();
	}

	/** The decision in force for each of these sessions: the latest. */
	Map<AppointmentId, PlanDecision> latestOf(Collection<AppointmentId> sessions) {
		if (sessions.isEmpty()) {
			return Map.of();
		}
		Map<AppointmentId, PlanDecision> latest = new HashMap<>();
		this.jdbc
			.sql("SELECT DISTINCT ON (appointment_id) " + COLUMNS.substring("SELECT ".length())
					+ " WHERE appointment_id = ANY(?) ORDER BY appointment_id, decided_at DESC")
			.param(sessions.stream().map(AppointmentId::value).toArray(UUID[]::new))
			.query(PlanDecisionRepository::row)
			.list()
			.forEach(decision -> latest.put(decision.appointment(), decision));
		return latest;
	}

	Optional<PlanDecision> latestOf(AppointmentId session) {
		return Optional.ofNullable(latestOf(List.of(session)).get(session));
	}

	/** Every decision about the client's sessions, oldest first. */
	List<PlanDecision> ofClient(ClientId client) {
		return this.jdbc.sql(COLUMNS + " WHERE client_id = ? ORDER BY decided_at")
			.param(client.value())
			.query(PlanDecisionRepository::row)
			.list();
	}

	void forgetClient(ClientId client) {
		this.jdbc.sql("DELETE FROM plan_decision WHERE client_id = ?").param(client.value()).update();
	}

	private static PlanDecision row(ResultSet rs, int n) throws SQLException {
		return new PlanDecision(rs.getObject("id", UUID.class),
				new AppointmentId(rs.getObject("appointment_id", UUID.class)),
				PlanDecision.Kind.valueOf(rs.getString("decision")), rs.getString("reason"), rs.getString("plan"),
				rs.getString("proposal"), rs.getString("rules_version"), rs.getObject("decided_by", UUID.class),
				Timestamps.instant(rs, "decided_at"));
	}

}
