package org.backcare.outcomes;

import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.assessment.Examples;
import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client's progress: pain at every session (from the signed note, else the feedback)
 * and Oswestry and STarT Back again in a follow-up, each judged from the baseline (the
 * first intake, or one the care team chose) against the minimal important change; the
 * progress report for the doctor; the clinic's share of clients who improved.
 */
@IntegrationTest
class OutcomesTest {

	/** Oswestry 3 of 45 (6.67), pain 2, STarT Back 1 (low): better on all counts. */
	static final String BETTER = """
			{"painNow": 2,
			 "startBack": {"agree": [false, false, true, false, false, false, false, false], "bothersomeness": "SLIGHTLY"},
			 "oswestry": {"sections": [1, 0, 1, 0, 1, 0, 0, null, 0, 0]}}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	org.backcare.intake.Intakes intakes;

	@Autowired
	org.backcare.client.ClientPrivacy privacy;

	TestClinic clinic;

	TherapistId anna;

	ClientId maria;

	CurrentUser mariaSignedIn;

	Api therapist;

	Api client;

	Api frontDesk;

	UUID intake;

	@BeforeEach
	void anIntakeOfficeWorker_pain5_oswestry26point67() throws Exception {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist(Technique.SWEDISH);
		this.maria = this.clinic.client();
		this.mariaSignedIn = this.clinic.signedIn(this.maria);
		this.therapist = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.anna)));
		this.client = new Api(this.mvc, this.clinic.bearer(this.mariaSignedIn));
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		// Ten days ago, from paper: the sessions below come after it.
		this.intake = this.intakes
			.submitFromPaper(this.clinic.admin(), this.maria, Examples.officeWorker().answers(),
					java.time.Instant.now().minus(java.time.Duration.ofDays(10)))
			.id()
			.value();
	}

	@Test
	void painAtEverySession_fromTheSignedNoteElseTheFeedback_judgedFromTheIntake() throws Exception {
		UUID first = heldSession(50);
		note(first, 4);
		feedback(first, 7);
		UUID second = heldSession(26);
		feedback(second, 3);
		// The client reads a note only once it is shared with them: until then, their own
		// word.
		assertThat(measure(outcomes(this.client), "NPRS").get("points").get(1).get("value").asInt()).isEqualTo(7);
		JsonNode pain = measure(outcomes(this.therapist), "NPRS");
		assertThat(pain.get("points")).hasSize(3);
		assertThat(pain.get("points").get(0).get("source").asString()).isEqualTo("INTAKE");
		assertThat(pain.get("points").get(1).get("value").asInt()).as("the note's pain, not the feedback's")
			.isEqualTo(4);
		assertThat(pain.get("points").get(1).get("source").asString()).isEqualTo("NOTE");
		assertThat(pain.get("points").get(2).get("source").asString()).isEqualTo("FEEDBACK");
		assertThat(pain.get("baseline").get("value").asInt()).isEqualTo(5);
		assertThat(pain.get("latest").get("value").asInt()).isEqualTo(3);
		assertThat(pain.get("change").get("points").asInt()).isEqualTo(2);
		assertThat(pain.get("verdict").asString()).isEqualTo("IMPROVED");
		assertThat(pain.get("summary").asString()).startsWith("Pain 5 → 3: 2 points better (40 %)");
		assertThat(pain.get("threshold").asInt()).isEqualTo(3);
		assertThat(pain.get("source").asString()).contains("Ostelo");
		assertThat(audited("OUTCOMES_READ")).isPositive();
	}

	@Test
	void aFollowUpMeasuresOswestryAndStartBackAgain() throws Exception {
		JsonNode before = outcomes(this.client);
		assertThat(measure(before, "ODI").get("verdict").asString()).isEqualTo("NOT_YET");
		followUp(this.client, BETTER).andExpect(status().isCreated());
		JsonNode after = outcomes(this.therapistWhoHasMet());
		JsonNode odi = measure(after, "ODI");
		assertThat(odi.get("baseline").get("value").decimalValue()).isEqualByComparingTo("26.67");
		assertThat(odi.get("latest").get("value").decimalValue()).isEqualByComparingTo("6.67");
		assertThat(odi.get("change").get("points").decimalValue()).isEqualByComparingTo("20");
		assertThat(odi.get("verdict").asString()).isEqualTo("IMPROVED");
		JsonNode startBack = measure(after, "STARTBACK");
		assertThat(startBack.get("verdict").asString()).as("low risk before and after").isEqualTo("NEITHER");
		assertThat(startBack.path("importantChange").isMissingNode() || startBack.path("importantChange").isNull())
			.isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM follow_up_response WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void theCareTeamChoosesAnotherBaseline_keptWithWhoAndWhy_theClientMayNot() throws Exception {
		followUp(this.client, BETTER).andExpect(status().isCreated());
		UUID followUp = UUID.fromString(measure(outcomes(this.client), "ODI").get("latest").get("id").asString());
		String body = "{\"measurementId\": \"" + followUp + "\", \"reason\": \"The intake was during a flare-up\"}";
		this.client
			.perform(put("/api/v1/clients/{id}/outcomes/baseline", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.therapistWhoHasMet()
			.perform(put("/api/v1/clients/{id}/outcomes/baseline", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.baseline.measurementId").value(followUp.toString()))
			.andExpect(jsonPath("$.baseline.source").value("FOLLOW_UP"))
			.andExpect(jsonPath("$.baseline.reason").value("The intake was during a flare-up"))
			.andExpect(jsonPath("$.baseline.chosenBy").isNotEmpty())
			.andExpect(jsonPath("$.measures[?(@.instrument == 'ODI')].verdict").value("NOT_YET"));
		this.frontDesk
			.perform(put("/api/v1/clients/{id}/outcomes/baseline", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"measurementId\": \"" + UUID.randomUUID() + "\", \"reason\": \"x\"}"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM outcome_baseline WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFollowUpIsRefused_outOfRange_beforeAnIntake_forAnErasedClient_byATherapist() throws Exception {
		followUp(this.client, BETTER.replace("\"painNow\": 2", "\"painNow\": 11")).andExpect(status().isBadRequest());
		followUp(this.client, BETTER.replace("[1, 0, 1,", "[6, 0, 1,")).andExpect(status().isBadRequest());
		followUp(this.therapistWhoHasMet(), BETTER).andExpect(status().isForbidden());
		ClientId newcomer = this.clinic.client();
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(newcomer)))
			.perform(post("/api/v1/clients/{id}/follow-ups", newcomer.value()).contentType(MediaType.APPLICATION_JSON)
				.content(BETTER))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("no-intake"));
		this.client
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"));
		followUp(this.frontDesk, BETTER).andExpect(status().isGone());
		assertThat(this.jdbc.sql("SELECT count(*) FROM follow_up WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theReportIsAPdfTheDoctorCanRead_withTheFiguresAndTheSignedSummary() throws Exception {
		UUID held = heldSession(30);
		note(held, 4);
		followUp(this.client, BETTER).andExpect(status().isCreated());
		this.therapist
			.perform(post("/api/v1/clients/{id}/progress-summaries", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\": \"" + this.clinic.today().minusDays(7) + "\", \"to\": \"" + this.clinic.today()
						+ "\", \"summary\": \"Less pain and more done at work; continue fortnightly.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.signedBy").isNotEmpty());
		byte[] pdf = this.client.perform(get("/api/v1/clients/{id}/progress-report", this.maria.value()))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Progress report", this.clinic.clinic().name(), "1 session attended, 0 missed",
					"Oswestry 26.67 → 6.67: 20 points better", "an important improvement",
					"Pain 5 → 2: 3 points better", "Ostelo", "Less pain and more done at work; continue fortnightly.",
					"Signed by", "Referral and clearance");
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("a tagged PDF").isNotNull();
			java.util.List<String> figures = new java.util.ArrayList<>();
			figures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), figures);
			assertThat(figures).as("each chart a figure described in words")
				.anySatisfy(alt -> assertThat(alt).startsWith("Chart: Oswestry 26.67 → 6.67"));
			assertThat(document.getDocumentInformation().getTitle()).startsWith("Progress report");
		}
		assertThat(audited("PROGRESS_REPORT_DOWNLOADED")).isEqualTo(1);
		CurrentUser stranger = this.fixture.open().admin();
		new Api(this.mvc, this.clinic.bearer(stranger))
			.perform(get("/api/v1/clients/{id}/progress-report", this.maria.value()))
			.andExpect(status().isNotFound());
		this.client.perform(get("/api/v1/clients/{id}/progress-report", this.maria.value()).param("from",
				this.clinic.today().plusDays(1).toString()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aSignedSummaryIsNeverChanged_andOnlyATherapistWhoTreatsTheClientSignsOne() throws Exception {
		heldSession(30);
		String body = "{\"from\": \"" + this.clinic.today().minusDays(7) + "\", \"to\": \"" + this.clinic.today()
				+ "\", \"summary\": \"Better.\"}";
		this.frontDesk
			.perform(post("/api/v1/clients/{id}/progress-summaries", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.therapist
			.perform(post("/api/v1/clients/{id}/progress-summaries", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace(this.clinic.today().toString(), this.clinic.today().plusDays(1).toString())))
			.andExpect(status().isBadRequest());
		this.therapist
			.perform(post("/api/v1/clients/{id}/progress-summaries", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated());
		// The page's form sent twice (a double click) signs one summary.
		var form = post("/clients/{id}/progress/summary", this.maria.value())
			.param("from", this.clinic.today().minusDays(7).toString())
			.param("to", this.clinic.today().toString())
			.param("summary", "Signed from the page")
			.param("requestKey", UUID.randomUUID().toString());
		Pages anna = new Pages(this.mvc, this.clinic.signedIn(this.anna));
		anna.perform(form).andExpect(redirectedUrl("/clients/" + this.maria.value() + "/progress"));
		anna.perform(form).andExpect(redirectedUrl("/clients/" + this.maria.value() + "/progress"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM progress_summary WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isEqualTo(2);
		for (String change : new String[] { "UPDATE progress_summary SET body = 'changed' WHERE client_id = ?",
				"DELETE FROM progress_summary WHERE client_id = ?" }) {
			assertThatThrownBy(() -> this.jdbc.sql(change).param(this.maria.value()).update()).as(change)
				.rootCause()
				.hasMessageContaining("never changed");
		}
	}

	@Test
	void theClinicSeesTheShareImprovedAtTheEndOfTheInitialPhase_byTherapistAndTechnique() throws Exception {
		twoSessionInitialPhase();
		heldSession(50);
		heldSession(26);
		this.frontDesk.perform(get("/api/v1/admin/outcomes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overall.measured").value(0))
			.andExpect(jsonPath("$.waiting").value(1));
		followUp(this.client, BETTER).andExpect(status().isCreated());
		this.frontDesk.perform(get("/api/v1/admin/outcomes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overall.measured").value(1))
			.andExpect(jsonPath("$.overall.improved").value(1))
			.andExpect(jsonPath("$.waiting").value(0))
			.andExpect(jsonPath("$.byTherapist[0].measured").value(1))
			.andExpect(jsonPath("$.byTechnique[0].group").value("Not recorded"))
			.andExpect(content().string(not(containsString(this.maria.value().toString()))));
		this.therapist.perform(get("/api/v1/admin/outcomes")).andExpect(status().isForbidden());
	}

	@Test
	void myAppointmentsAsksForTheFollowUpWhenDue_andItsPageTakesTheAnswers() throws Exception {
		twoSessionInitialPhase();
		heldSession(50);
		Pages maria = new Pages(this.mvc, this.mariaSignedIn);
		maria.perform(get("/me/appointments"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Answer the follow-up"))));
		assertThat(followUpMails()).as("not due after the first session").isEmpty();
		heldSession(26);
		maria.perform(get("/me/appointments"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Answer the follow-up")));
		// And by mail, when the session that makes it due is marked held.
		assertThat(followUpMails()).singleElement().asString().contains("/me/follow-up", "first 2 sessions");
		maria.perform(post("/me/follow-up").param("painNow", "11"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose your pain now")));
		var form = post("/me/follow-up").params(FollowUpExamples.form())
			.param("requestKey", UUID.randomUUID().toString());
		maria.perform(form).andExpect(redirectedUrl("/me/progress?answered"));
		maria.perform(form).andExpect(redirectedUrl("/me/progress?answered"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM follow_up WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).as("the same form sent twice is one follow-up").isEqualTo(1);
		maria.perform(get("/me/appointments")).andExpect(content().string(not(containsString("Answer the follow-up"))));
		maria.perform(get("/me/progress"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<img class=\"chart\" src=\"data:image/svg+xml;base64,")))
			.andExpect(content().string(containsString("alt=\"Chart: Pain 5 → 3")));
	}

	@Test
	void exportHoldsTheFollowUpsAndSummaries_erasureKeepsOnlyTheSignedSummary_andSaysSo() throws Exception {
		heldSession(30);
		followUp(this.client, BETTER).andExpect(status().isCreated());
		this.therapist
			.perform(post("/api/v1/clients/{id}/progress-summaries", this.maria.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\": \"" + this.clinic.today() + "\", \"to\": \"" + this.clinic.today()
						+ "\", \"summary\": \"Better.\"}"))
			.andExpect(status().isCreated());
		assertThat(this.json.writeValueAsString(this.privacy.export(this.maria).get("outcomes"))).contains("FOLLOW_UP",
				"Better.");
		assertThat(this.privacy.keptOnErasure(this.maria))
			.anySatisfy(kept -> assertThat(kept).contains("The progress summary signed by your therapist stays"));
		this.privacy.erase(this.maria);
		for (String table : new String[] { "follow_up", "follow_up_response", "outcome_baseline" }) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = ?")
				.param(this.maria.value())
				.query(Integer.class)
				.single()).as(table).isZero();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM progress_summary WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyReplaysTheFirstFollowUp_andIsRefusedForAnotherClient() throws Exception {
		ClientId other = this.clinic.client();
		this.intakes.submitFromPaper(this.clinic.admin(), other, Examples.officeWorker().answers(),
				java.time.Instant.now().minus(java.time.Duration.ofDays(3)));
		for (int i = 0; i < 2; i++) {
			this.frontDesk
				.perform(
						post("/api/v1/clients/{id}/follow-ups", this.maria.value()).header("Idempotency-Key", "paper-7")
							.contentType(MediaType.APPLICATION_JSON)
							.content(BETTER))
				.andExpect(status().isCreated());
		}
		this.frontDesk
			.perform(post("/api/v1/clients/{id}/follow-ups", other.value()).header("Idempotency-Key", "paper-7")
				.contentType(MediaType.APPLICATION_JSON)
				.content(BETTER))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(containsString("request-key-reused")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM follow_up WHERE client_id IN (?, ?)")
			.params(this.maria.value(), other.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theClinicSetsItsFollowUpSchedule() throws Exception {
		this.frontDesk.perform(get("/api/v1/admin/follow-up-schedule"))
			.andExpect(jsonPath("$.afterInitialPhase").value(true))
			.andExpect(jsonPath("$.everyWeeks").value(4));
		this.frontDesk
			.perform(put("/api/v1/admin/follow-up-schedule").contentType(MediaType.APPLICATION_JSON)
				.content("{\"afterInitialPhase\": false, \"everyWeeks\": 53}"))
			.andExpect(status().isBadRequest());
		this.frontDesk
			.perform(put("/api/v1/admin/follow-up-schedule").contentType(MediaType.APPLICATION_JSON)
				.content("{\"afterInitialPhase\": false, \"everyWeeks\": 6}"))
			.andExpect(status().isOk());
		this.frontDesk.perform(get("/api/v1/admin/follow-up-schedule")).andExpect(jsonPath("$.everyWeeks").value(6));
	}

	/** The recommendation overridden to an initial phase of two sessions. */
	private void twoSessionInitialPhase() throws Exception {
		this.frontDesk
			.perform(post("/api/v1/intakes/{id}/overrides", this.intake).contentType(MediaType.APPLICATION_JSON)
				.content("{\"techniques\": [\"SWEDISH\"], \"initialSessions\": 2, \"everyDays\": 7, "
						+ "\"note\": \"Two sessions, then see\"}"))
			.andExpect(status().isCreated());
	}

	/** A session of Maria's with Anna that ended {@code hours} ago, marked held. */
	private UUID heldSession(int hours) throws Exception {
		UUID session = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, hours);
		this.therapist.perform(post("/api/v1/appointments/{id}/complete", session)).andExpect(status().isOk());
		return session;
	}

	private org.springframework.test.web.servlet.ResultActions followUp(Api as, String answers) throws Exception {
		return as
			.perform(post("/api/v1/clients/{id}/follow-ups", this.maria.value()).contentType(MediaType.APPLICATION_JSON)
				.content(answers));
	}

	private void note(UUID session, int pain) throws Exception {
		this.therapist
			.perform(put("/api/v1/appointments/{id}/note", session).contentType(MediaType.APPLICATION_JSON)
				.content("{\"painNow\": " + pain + ", \"plan\": \"Same again\"}"))
			.andExpect(status().isOk());
		this.therapist.perform(post("/api/v1/appointments/{id}/note/signature", session)).andExpect(status().isOk());
	}

	private void feedback(UUID session, int pain) throws Exception {
		this.client
			.perform(put("/api/v1/appointments/{id}/feedback", session).contentType(MediaType.APPLICATION_JSON)
				.content("{\"painNow\": " + pain + "}"))
			.andExpect(status().isOk());
	}

	private Api therapistWhoHasMet() throws Exception {
		heldSession(200);
		return this.therapist;
	}

	private JsonNode outcomes(Api as) throws Exception {
		return this.json.readTree(as.perform(get("/api/v1/clients/{id}/outcomes", this.maria.value()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode measure(JsonNode outcomes, String instrument) {
		for (JsonNode measure : outcomes.get("measures")) {
			if (measure.get("instrument").asString().equals(instrument)) {
				return measure;
			}
		}
		throw new AssertionError("no " + instrument);
	}

	/** The alternative texts of the figures in a PDF's structure tree. */
	private static void figures(java.util.List<Object> kids, java.util.List<String> alts) {
		for (Object kid : kids) {
			if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement element) {
				if ("Figure".equals(element.getStructureType())) {
					alts.add(String.valueOf(element.getAlternateDescription()));
				}
				figures(element.getKids(), alts);
			}
		}
	}

	private java.util.List<String> followUpMails() {
		return this.jdbc.sql("SELECT body_text FROM mail_message WHERE kind = 'FOLLOW_UP_ASKED' AND client_id = ?")
			.param(this.maria.value())
			.query(String.class)
			.list();
	}

	private long audited(String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject_client_id = ?")
			.params(action, this.maria.value())
			.query(Long.class)
			.single();
	}

	private UUID id(org.springframework.test.web.servlet.ResultActions created) throws Exception {
		return UUID.fromString(
				this.json.readTree(created.andReturn().getResponse().getContentAsString()).get("id").asString());
	}

}
