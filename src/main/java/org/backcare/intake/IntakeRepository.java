package org.backcare.intake;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.backcare.assessment.Assessment;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.Recommendation.Phase;
import org.backcare.assessment.Referral;
import org.backcare.assessment.StartBack;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.ChangeNotices;
import org.backcare.platform.NoticedCache;
import org.backcare.platform.ReadAhead;
import org.backcare.therapist.Technique;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

@Repository
class IntakeRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ReadAhead<ClientId, List<Intake>> ahead = new ReadAhead<>();

	/**
	 * What booking needs of each client's latest intake, kept in memory and forgotten on
	 * every node when an intake or a clearance of theirs changes (V34 announces both): a
	 * booking of a treatment asks it every time.
	 */
	private final NoticedCache<ClientId, Standing> standings;

	IntakeRepository(JdbcClient jdbc, JsonMapper json, ChangeNotices notices) {
		this.jdbc = jdbc;
		this.json = json;
		this.standings = notices.cache("intake_changed", id -> new ClientId(UUID.fromString(id)));
	}

	/** The intake and one row per instrument, in the caller's transaction. */
	/**
	 * Stores the intake with its instrument scores, unless the same person already stored
	 * one with the same request key (then nothing is written and false is returned). A
	 * concurrent duplicate waits on the key's unique index and then finds the first one's
	 * row.
	 */
	boolean insert(IntakeId id, ClinicId clinic, ClientId client, Instant at, UUID submittedBy, IntakeAnswers answers,
			Assessment assessment, String requestKey) {
		this.standings.forgetAfterCommit(client);
		if (this.jdbc
			.sql("""
					INSERT INTO intake (clinic_id, id, client_id, submitted_at, submitted_by, answers, assessment, rules_version,
					                    referral, caution, restricted_techniques, request_key)
					VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::text[], ?)
					ON CONFLICT (submitted_by, request_key) WHERE request_key IS NOT NULL DO NOTHING""")
			.params(clinic.value(), id.value(), client.value(), utc(at), submittedBy,
					this.json.writeValueAsString(answers), this.json.writeValueAsString(assessment),
					assessment.rulesVersion(), assessment.referral().name(), assessment.caution(),
					textArray(assessment.restricted().keySet().stream().map(Enum::name).toList()), requestKey)
			.update() == 0) {
			return false;
		}
		StartBack.Score startBack = assessment.startBack();
		instrument(clinic, id, client, "STARTBACK", startBack.version(), answers.startBack(),
				BigDecimal.valueOf(startBack.total()), BigDecimal.valueOf(startBack.psychosocial()),
				startBack.risk().name());
		Oswestry.Score odi = assessment.oswestry();
		instrument(clinic, id, client, "ODI", odi.version(), answers.oswestry(), odi.index(), null, odi.band().name());
		instrument(clinic, id, client, "NPRS", assessment.painVersion(), answers.pain(),
				BigDecimal.valueOf(answers.pain().now()), null, "NOW");
		return true;
	}

	/** The intake this person stored with this request key, if any. */
	Optional<IntakeId> byRequestKey(UUID submittedBy, String requestKey) {
		return this.jdbc.sql("SELECT id FROM intake WHERE submitted_by = ? AND request_key = ?")
			.params(submittedBy, requestKey)
			.query((rs, n) -> new IntakeId(rs.getObject("id", UUID.class)))
			.optional();
	}

	private void instrument(ClinicId clinic, IntakeId intake, ClientId client, String instrument, String version,
			Object raw, BigDecimal score, BigDecimal subscale, String category) {
		this.jdbc
			.sql("""
					INSERT INTO instrument_response (clinic_id, intake_id, client_id, instrument, version, raw_answers, score,
					                                 subscale, category)
					VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
			.params(clinic.value(), intake.value(), client.value(), instrument, version,
					this.json.writeValueAsString(raw), score, subscale, category)
			.update();
	}

	Optional<Intake> find(IntakeId id) {
		return this.jdbc.sql(SELECT + " WHERE i.id = ?").param(id.value()).query(this::intake).optional();
	}

	/**
	 * Reads the intakes of all the clients in one statement, for this transaction's
	 * {@link #latest} and {@link #ofClient} to answer from.
	 */
	void readAhead(Collection<ClientId> clients) {
		this.ahead.keep(ReadAhead.byKey(clients,
				this.jdbc.sql(SELECT + " WHERE i.client_id = ANY (?) ORDER BY i.submitted_at DESC")
					.param(clients.stream().map(ClientId::value).toArray(UUID[]::new))
					.query(this::intake)
					.list(),
				Intake::clientId));
	}

	Optional<Intake> latest(ClientId client) {
		Optional<List<Intake>> kept = this.ahead.kept(client);
		if (kept.isPresent()) {
			return kept.get().stream().findFirst();
		}
		return this.jdbc.sql(SELECT + " WHERE i.client_id = ? ORDER BY i.submitted_at DESC LIMIT 1")
			.param(client.value())
			.query(this::intake)
			.optional();
	}

	List<Intake> ofClient(ClientId client) {
		Optional<List<Intake>> kept = this.ahead.kept(client);
		if (kept.isPresent()) {
			return kept.get();
		}
		return this.jdbc.sql(SELECT + " WHERE i.client_id = ? ORDER BY i.submitted_at DESC")
			.param(client.value())
			.query(this::intake)
			.list();
	}

	/** What booking needs of the latest intake. */
	Optional<BookingStatus> bookingStatus(ClientId client) {
		return standing(client).status();
	}

	/** When the client's latest intake was submitted, if they have one. */
	Optional<Instant> latestSubmission(ClientId client) {
		return standing(client).status().map(BookingStatus::submitted);
	}

	/**
	 * The client's latest intake as booking sees it (none yet, too), in one indexed read.
	 */
	private Standing standing(ClientId client) {
		return this.standings.get(client, key -> Optional.of(new Standing(this.jdbc.sql("""
				SELECT i.submitted_at, i.referral, i.restricted_techniques, c.intake_id IS NOT NULL AS cleared
				FROM intake i LEFT JOIN medical_clearance c ON c.clinic_id = i.clinic_id AND c.intake_id = i.id
				WHERE i.client_id = ? ORDER BY i.submitted_at DESC LIMIT 1""")
			.param(key.value())
			.query((rs, n) -> new BookingStatus(instant(rs, "submitted_at"), Referral.valueOf(rs.getString("referral")),
					techniques(rs.getArray("restricted_techniques")), rs.getBoolean("cleared")))
			.optional()))).orElseThrow();
	}

	/** The client's latest intake, or none. */
	private record Standing(Optional<BookingStatus> status) {
	}

	record BookingStatus(Instant submitted, Referral referral, List<Technique> restricted, boolean cleared) {

		boolean mayBook() {
			return !this.referral.blocksBooking() || this.cleared;
		}

	}

	/**
	 * @return false when the intake already has one
	 */
	boolean clear(ClinicId clinic, ClientId client, IntakeId intake, Instant at, UUID recordedBy, String recordedByName,
			String clearedBy, LocalDate clearedOn, String note) {
		this.standings.forgetAfterCommit(client);
		return this.jdbc
			.sql("""
					INSERT INTO medical_clearance (clinic_id, intake_id, recorded_at, recorded_by, recorded_by_name, cleared_by,
					                               cleared_on, note)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(clinic.value(), intake.value(), utc(at), recordedBy, recordedByName, clearedBy, clearedOn, note)
			.update() == 1;
	}

	void override(ClinicId clinic, IntakeId intake, Instant at, UUID recordedBy, String recordedByName,
			List<Technique> techniques, Phase phase, String note) {
		this.jdbc
			.sql("""
					INSERT INTO recommendation_override (clinic_id, id, intake_id, recorded_at, recorded_by, recorded_by_name,
					       techniques, initial_sessions, every_days, maintenance_every_weeks, note)
					VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)""")
			.params(clinic.value(), UUID.randomUUID(), intake.value(), utc(at), recordedBy, recordedByName,
					textArray(techniques.stream().map(Enum::name).toList()), phase.initialSessions(), phase.everyDays(),
					phase.maintenanceEveryWeeks(), note)
			.update();
	}

	/**
	 * Erasure: every intake of the client goes, with its scores, clearance and overrides.
	 */
	/** Every intake of the clinic's clients. */
	List<Intake> ofClinic(ClinicId clinic) {
		return this.jdbc.sql(SELECT + " WHERE i.clinic_id = ? ORDER BY i.submitted_at")
			.param(clinic.value())
			.query(this::intake)
			.list();
	}

	int forgetClient(ClientId client) {
		this.standings.forgetAfterCommit(client);
		return this.jdbc.sql("DELETE FROM intake WHERE client_id = ?").param(client.value()).update();
	}

	private static final String SELECT = """
			SELECT i.clinic_id, i.id, i.client_id, i.submitted_at, i.answers::text AS answers, i.assessment::text AS assessment,
			       c.recorded_at AS c_recorded_at, c.recorded_by_name AS c_recorded_by, c.cleared_by, c.cleared_on, c.note AS c_note,
			       (SELECT coalesce(json_agg(json_build_object('recordedAt', o.recorded_at, 'recordedBy', o.recorded_by_name,
			                 'techniques', o.techniques, 'phase', json_build_object('initialSessions', o.initial_sessions,
			                 'everyDays', o.every_days, 'maintenanceEveryWeeks', o.maintenance_every_weeks, 'reason', o.note),
			                 'note', o.note) ORDER BY o.recorded_at, o.id), '[]')::text
			        FROM recommendation_override o WHERE o.clinic_id = i.clinic_id AND o.intake_id = i.id) AS overrides
			FROM intake i LEFT JOIN medical_clearance c ON c.clinic_id = i.clinic_id AND c.intake_id = i.id""";

	private Intake intake(ResultSet rs, int row) throws SQLException {
		MedicalClearance clearance = (rs.getObject("c_recorded_at") == null) ? null
				: new MedicalClearance(instant(rs, "c_recorded_at"), rs.getString("c_recorded_by"),
						rs.getString("cleared_by"), rs.getObject("cleared_on", LocalDate.class),
						rs.getString("c_note"));
		return new Intake(new IntakeId(rs.getObject("id", UUID.class)),
				new ClinicId(rs.getObject("clinic_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)), instant(rs, "submitted_at"),
				this.json.readValue(rs.getString("answers"), IntakeAnswers.class),
				this.json.readValue(rs.getString("assessment"), Assessment.class), clearance,
				List.of(this.json.readValue(rs.getString("overrides"), RecommendationOverride[].class)));
	}

	private static List<Technique> techniques(Array array) throws SQLException {
		List<Technique> techniques = new ArrayList<>();
		for (String name : (String[]) array.getArray()) {
			techniques.add(Technique.valueOf(name));
		}
		return techniques;
	}

	private static String textArray(List<String> values) {
		return "{" + String.join(",", values) + "}";
	}

}
