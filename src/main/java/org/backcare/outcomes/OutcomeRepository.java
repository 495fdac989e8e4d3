package org.backcare.outcomes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.backcare.assessment.Oswestry;
import org.backcare.assessment.StartBack;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

@Repository
class OutcomeRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OutcomeRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores the follow-up with one row per instrument, unless the same person already
	 * stored one with this request key (then nothing is written and false is returned).
	 */
	boolean insertFollowUp(UUID id, ClinicId clinic, ClientId client, Instant at, UUID by, FollowUpAnswers answers,
			StartBack.Score startBack, Oswestry.Score odi, String requestKey) {
		if (this.jdbc.sql("""
				INSERT INTO follow_up (clinic_id, id, client_id, answered_at, answered_by, request_key)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (answered_by, request_key) WHERE request_key IS NOT NULL DO NOTHING""")
			.params(clinic.value(), id, client.value(), utc(at), by, requestKey)
			.update() == 0) {
			return false;
		}
		response(clinic, id, client, Instrument.NPRS, FollowUpAnswers.PAIN_VERSION, answers.painNow(),
				BigDecimal.valueOf(answers.painNow()), null, "NOW");
		response(clinic, id, client, Instrument.STARTBACK, startBack.version(), answers.startBack(),
				BigDecimal.valueOf(startBack.total()), BigDecimal.valueOf(startBack.psychosocial()),
				startBack.risk().name());
		response(clinic, id, client, Instrument.ODI, odi.version(), answers.oswestry(), odi.index(), null,
				odi.band().name());
		return true;
	}

	private void response(ClinicId clinic, UUID followUp, ClientId client, Instrument instrument, String version,
			Object raw, BigDecimal score, BigDecimal subscale, String category) {
		this.jdbc
			.sql("""
					INSERT INTO follow_up_response (clinic_id, follow_up_id, client_id, instrument, version, raw_answers, score,
					                                subscale, category)
					VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
			.params(clinic.value(), followUp, client.value(), instrument.name(), version,
					this.json.writeValueAsString(raw), score, subscale, category)
			.update();
	}

	/** A follow-up this person stored with this request key: its id and whose it is. */
	record Stored(UUID id, ClientId client) {
	}

	Optional<Stored> followUpByRequestKey(UUID by, String requestKey) {
		return this.jdbc.sql("SELECT id, client_id FROM follow_up WHERE answered_by = ? AND request_key = ?")
			.params(by, requestKey)
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), new ClientId(rs.getObject(2, UUID.class))))
			.optional();
	}

	/** The client's follow-up scores, the earliest first. */
	List<Measurement> followUps(ClientId client) {
		return this.jdbc.sql(FOLLOW_UPS + " WHERE f.client_id = ? ORDER BY f.answered_at, r.instrument")
			.param(client.value())
			.query(OutcomeRepository::measurement)
			.list();
	}

	/**
	 * The follow-up scores of every client of the clinic, by client, the earliest first.
	 */
	List<ClientMeasurement> followUpsOfClinic(ClinicId clinic) {
		return this.jdbc.sql(FOLLOW_UPS + " WHERE f.clinic_id = ? ORDER BY f.answered_at, r.instrument")
			.param(clinic.value())
			.query((rs, n) -> new ClientMeasurement(new ClientId(rs.getObject("client_id", UUID.class)),
					measurement(rs, n)))
			.list();
	}

	record ClientMeasurement(ClientId client, Measurement measurement) {
	}

	private static final String FOLLOW_UPS = """
			SELECT f.id, f.client_id, f.answered_at, r.instrument, r.score, r.category
			  FROM follow_up f JOIN follow_up_response r ON r.clinic_id = f.clinic_id AND r.follow_up_id = f.id""";

	private static Measurement measurement(ResultSet rs, int n) throws SQLException {
		return new Measurement(rs.getObject("id", UUID.class), instant(rs, "answered_at"),
				Instrument.valueOf(rs.getString("instrument")), rs.getBigDecimal("score"), rs.getString("category"),
				Measurement.Source.FOLLOW_UP);
	}

	/** A baseline someone chose, the latest first. */
	record ChosenBaseline(ClientId client, UUID measurementId, Instant chosenAt, String chosenBy, String reason) {
	}

	Optional<ChosenBaseline> baseline(ClientId client) {
		return this.jdbc.sql(BASELINES + " WHERE client_id = ? ORDER BY chosen_at DESC, id LIMIT 1")
			.param(client.value())
			.query(OutcomeRepository::baseline)
			.optional();
	}

	/** The baseline in force for each client of the clinic that has a chosen one. */
	List<ChosenBaseline> baselinesOfClinic(ClinicId clinic) {
		return this.jdbc
			.sql("SELECT DISTINCT ON (client_id) " + BASELINES.substring("SELECT ".length())
					+ " WHERE clinic_id = ? ORDER BY client_id, chosen_at DESC, id")
			.param(clinic.value())
			.query(OutcomeRepository::baseline)
			.list();
	}

	private static final String BASELINES = "SELECT client_id, measurement_id, chosen_at, chosen_by_name, reason FROM outcome_baseline";

	private static ChosenBaseline baseline(ResultSet rs, int n) throws SQLException {
		return new ChosenBaseline(new ClientId(rs.getObject("client_id", UUID.class)),
				rs.getObject("measurement_id", UUID.class), instant(rs, "chosen_at"), rs.getString("chosen_by_name"),
				rs.getString("reason"));
	}

	void chooseBaseline(ClinicId clinic, ClientId client, UUID measurement, Instant at, UUID by, String byName,
			String reason) {
		this.jdbc
			.sql("""
					INSERT INTO outcome_baseline (clinic_id, id, client_id, measurement_id, chosen_at, chosen_by, chosen_by_name,
					                              reason)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(clinic.value(), UUID.randomUUID(), client.value(), measurement, utc(at), by, byName, reason)
			.update();
	}

	Optional<FollowUpSchedule> schedule(ClinicId clinic) {
		return this.jdbc.sql("SELECT after_initial_phase, every_weeks FROM follow_up_schedule WHERE clinic_id = ?")
			.param(clinic.value())
			.query((rs, n) -> new FollowUpSchedule(rs.getBoolean(1), rs.getInt(2)))
			.optional();
	}

	void setSchedule(ClinicId clinic, FollowUpSchedule schedule) {
		this.jdbc.sql("""
				INSERT INTO follow_up_schedule (clinic_id, after_initial_phase, every_weeks) VALUES (?, ?, ?)
				ON CONFLICT (clinic_id) DO UPDATE SET after_initial_phase = excluded.after_initial_phase,
				                                      every_weeks = excluded.every_weeks""")
			.params(clinic.value(), schedule.afterInitialPhase(), schedule.everyWeeks())
			.update();
	}

	/**
	 * Stores the signed summary, unless its signer already stored one with this request
	 * key: then nothing is written and that one's id is returned.
	 */
	UUID insertSummary(ProgressSummary summary, String requestKey) {
		if (this.jdbc
			.sql("""
					INSERT INTO progress_summary (clinic_id, id, client_id, period_from, period_to, body, signed_at, signed_by,
					                              signer_name, signer_licence, client_name, request_key)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (signed_by, request_key) WHERE request_key IS NOT NULL DO NOTHING""")
			.params(summary.clinicId().value(), summary.id(), summary.clientId().value(), summary.from(), summary.to(),
					summary.body(), utc(summary.signedAt()), summary.signedBy(), summary.signerName(),
					summary.signerLicence(), summary.clientName(), requestKey)
			.update() == 1) {
			return summary.id();
		}
		return this.jdbc.sql("SELECT id FROM progress_summary WHERE signed_by = ? AND request_key = ?")
			.params(summary.signedBy(), requestKey)
			.query(UUID.class)
			.single();
	}

	/** The client's signed summaries, the latest first. */
	List<ProgressSummary> summaries(ClientId client) {
		return this.jdbc.sql("""
				SELECT clinic_id, id, client_id, period_from, period_to, body, signed_at, signed_by, signer_name,
				       signer_licence, client_name
				  FROM progress_summary WHERE client_id = ? ORDER BY signed_at DESC, id""")
			.param(client.value())
			.query((rs, n) -> new ProgressSummary(new ClinicId(rs.getObject("clinic_id", UUID.class)),
					rs.getObject("id", UUID.class), new ClientId(rs.getObject("client_id", UUID.class)),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getString("body"), instant(rs, "signed_at"), rs.getObject("signed_by", UUID.class),
					rs.getString("signer_name"), rs.getString("signer_licence"), rs.getString("client_name")))
			.list();
	}

	/**
	 * Erasure: the follow-ups (with their scores) and baseline choices go; signed
	 * summaries stay, as signed notes do.
	 */
	void forgetClient(ClientId client) {
		this.jdbc.sql("DELETE FROM outcome_baseline WHERE client_id = ?").param(client.value()).update();
		this.jdbc.sql("DELETE FROM follow_up WHERE client_id = ?").param(client.value()).update();
	}

}
