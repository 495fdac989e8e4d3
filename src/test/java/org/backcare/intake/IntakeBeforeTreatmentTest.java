package org.backcare.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.assessment.Examples;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Intake before treatment (the clinic's own rule, on by default): a client without a
 * current intake (one from the last 365 days) may book only a first consultation; the
 * front desk may book a treatment with a reason, audited and kept with the appointment.
 */
@IntegrationTest
class IntakeBeforeTreatmentTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntakeRepository intakes;

	@Autowired
	Clock clock;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	org.backcare.account.CurrentUser clientUser;

	Api asClient;

	Api asFrontDesk;

	@BeforeEach
	void aClinicThatAsksForAnIntakeAndAClientWhoHasNone() {
		this.clinic = this.fixture.open();
		this.clinic.requireIntakeBeforeTreatment();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.clientUser = this.clinic.signedIn(this.client);
		this.asClient = new Api(this.mvc, this.clinic.bearer(this.clientUser));
		this.asFrontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void withoutAnIntakeATreatmentIsRefusedWithWhatToDo_aFirstConsultationIsBooked() throws Exception {
		book(this.asClient, "TREATMENT_60", 10, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("intake-before-treatment"))
			.andExpect(jsonPath("$.detail").value(allOf(containsString("no questionnaire"),
					containsString("first consultation"), containsString("My back"))));
		assertThat(this.clinic.appointmentCount()).isZero();
		book(this.asClient, "FIRST_CONSULTATION", 10, null).andExpect(status().isCreated());
	}

	@Test
	void anIntakeIsCurrentFor365DaysToTheInstant() {
		java.time.Instant now = java.time.Instant.parse("2026-12-02T10:00:00Z");
		assertThat(IntakeBookingGuard.isCurrent(now.minus(Duration.ofDays(365)), now)).isTrue();
		assertThat(IntakeBookingGuard.isCurrent(now.minus(Duration.ofDays(365)).minusSeconds(1), now)).isFalse();
		assertThat(IntakeBookingGuard.isCurrent(now, now)).isTrue();
	}

	@Test
	void anIntakeJustUnderAYearOldOpensTreatments_justOverAYearOldDoesNot() throws Exception {
		submitIntake();
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		submittedAt(now.minus(Duration.ofDays(365)).minusMinutes(1));
		book(this.asClient, "TREATMENT_60", 10, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("more than a year old")));
		// The guard reads the clock a little later than "now" above: a margin of a
		// minute keeps the boundary case inside the year.
		submittedAt(now.minus(Duration.ofDays(365)).plusMinutes(1));
		book(this.asClient, "TREATMENT_60", 10, null).andExpect(status().isCreated());
	}

	@Test
	void aFreshIntakeOpensTreatments() throws Exception {
		submitIntake();
		book(this.asClient, "TREATMENT_90", 10, null).andExpect(status().isCreated());
	}

	@Test
	void theFrontDeskBooksATreatmentWithAReason_auditedAndKeptWithTheAppointment() throws Exception {
		String created = book(this.asFrontDesk, "TREATMENT_60", 10, "Regular client of 10 years; paper history on file")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(created).get("id").asString();
		assertThat(this.jdbc.sql("SELECT reason FROM intake_waiver WHERE appointment_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Regular client of 10 years; paper history on file");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'INTAKE_REQUIREMENT_WAIVED' AND outcome = 'OK'
				AND actor_account_id = ? AND record_id = ?::uuid""")
			.params(this.clinic.admin().id().value(), id)
			.query(Long.class)
			.single()).isEqualTo(1);
		new Pages(this.mvc, this.clinic.admin()).perform(get("/appointments/{id}", id))
			.andExpect(content().string(
					allOf(containsString("Booked without an intake"), containsString("Regular client of 10 years"))));
	}

	@Test
	void onlyTheFrontDeskMayWaiveIt_andNotWithoutAReason() throws Exception {
		book(this.asClient, "TREATMENT_60", 10, "I know my back").andExpect(status().isForbidden())
			.andExpect(
					jsonPath("$.detail").value("Only the front desk can book a treatment without a current intake."));
		book(this.asFrontDesk, "TREATMENT_60", 11, "   ").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("intake-before-treatment"));
		book(this.asFrontDesk, "TREATMENT_60", 12, "x".repeat(501)).andExpect(status().isBadRequest());
		assertThat(this.clinic.appointmentCount()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake_waiver WHERE clinic_id = ?")
			.param(this.clinic.clinic().id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aClinicThatTurnedTheRuleOffBooksTreatmentsWithoutAnIntake() throws Exception {
		TestClinic relaxed = this.fixture.open();
		TherapistId hers = relaxed.therapist();
		ClientId theirs = relaxed.client();
		book(new Api(this.mvc, relaxed.bearer(relaxed.signedIn(theirs))), theirs, hers, relaxed, "TREATMENT_60", 10,
				null)
			.andExpect(status().isCreated());
	}

	@Test
	void theBookingPageStartsAClientWithoutAnIntakeFromAFirstConsultation() throws Exception {
		new Pages(this.mvc, this.clientUser).perform(get("/book").param("therapist", this.therapist.toString()))
			.andExpect(content().string(allOf(
					containsString(
							"<option value=\"FIRST_CONSULTATION\"\n                        selected=\"selected\">"),
					containsString("Until you have answered the questionnaire about your back"))));
	}

	private ResultActions book(Api caller, String service, int hour, String waiver) throws Exception {
		return book(caller, this.client, this.therapist, this.clinic, service, hour, waiver);
	}

	private ResultActions book(Api caller, ClientId who, TherapistId with, TestClinic where, String service, int hour,
			String waiver) throws Exception {
		String body = """
				{"clientId": "%s", "therapistId": "%s", "service": "%s", "start": "%s"%s}""".formatted(who, with,
				service, where.inDays(3, hour, 0),
				(waiver != null) ? ", \"intakeWaiver\": " + this.json.writeValueAsString(waiver) : "");
		return caller.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private void submitIntake() throws Exception {
		this.asClient
			.perform(post("/api/v1/clients/{id}/intakes", this.client.value()).contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Examples.officeWorker().answers())))
			.andExpect(status().isCreated());
	}

	/**
	 * As a database console would (or another node): announced by the database, and
	 * waited for until this node has forgotten what it kept of the client's intake.
	 */
	private void submittedAt(OffsetDateTime when) {
		this.jdbc.sql("UPDATE intake SET submitted_at = ? WHERE client_id = ?")
			.params(when, this.client.value())
			.update();
		// PostgreSQL keeps microseconds, rounded: the same instant within a millisecond.
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.intakes.latestSubmission(this.client)
				.filter(stored -> Duration.between(stored, when.toInstant()).abs().toMillis() < 1)
				.isPresent());
	}

}
