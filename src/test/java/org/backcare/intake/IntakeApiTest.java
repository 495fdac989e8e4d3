package org.backcare.intake;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.assessment.CareRules;
import org.backcare.assessment.Examples;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.PainDuration;
import org.backcare.assessment.StartBack;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The intake over the API: scoring and recommendation, who may see and act on it, how a
 * referral and a contraindication reach booking, overrides, and bad input.
 */
@IntegrationTest
class IntakeApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	TestClinic clinic;

	ClientId client;

	TherapistId therapist;

	Api asClient;

	Api asAdmin;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist(Technique.SWEDISH, Technique.DEEP_TISSUE, Technique.MYOFASCIAL_RELEASE);
		this.client = this.clinic.client();
		this.asClient = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.client)));
		this.asAdmin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void aClientSubmitsTheirIntakeAndGetsScoresARecommendationAndTheRulesThatFired() throws Exception {
		String id = submit(this.asClient, Examples.officeWorker()).andExpect(status().isCreated())
			.andExpect(jsonPath("$.assessment.startBack.total").value(1))
			.andExpect(jsonPath("$.assessment.startBack.risk").value("LOW"))
			.andExpect(jsonPath("$.assessment.oswestry.index").value(26.67))
			.andExpect(jsonPath("$.assessment.oswestry.band").value("MODERATE"))
			.andExpect(jsonPath("$.assessment.oswestry.answered").value(9))
			.andExpect(jsonPath("$.assessment.referral").value("NONE"))
			.andExpect(jsonPath("$.assessment.ageAtIntake").isNumber())
			.andExpect(jsonPath("$.inForce.techniques[0]").value("SWEDISH"))
			.andExpect(jsonPath("$.inForce.techniques[1]").value("TRIGGER_POINT"))
			.andExpect(jsonPath("$.assessment.recommendation.fired[*].id").value(hasItem("tension-from-sitting")))
			.andExpect(jsonPath("$.assessment.recommendation.fired[0].source").isNotEmpty())
			.andExpect(jsonPath("$.mayBook").value(true))
			.andReturn()
			.getResponse()
			.getHeader("Location")
			.replace("/api/v1/intakes/", "");
		assertThat(this.jdbc
			.sql("SELECT instrument || ':' || version || ':' || score FROM instrument_response "
					+ "WHERE intake_id = ?::uuid ORDER BY instrument")
			.param(id)
			.query(String.class)
			.list()).containsExactly("NPRS:" + IntakeAnswers.PainRatings.VERSION + ":5.00",
					"ODI:" + Oswestry.VERSION + ":26.67", "STARTBACK:" + StartBack.VERSION + ":1.00");
		this.asClient.perform(get("/api/v1/clients/" + this.client + "/intakes/latest"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.answers.painMap.regions.LOWER_BACK_LEFT").value(6));
		this.asClient.perform(get("/api/v1/clients/" + this.client + "/intakes"))
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void onlyTheClientTheirTherapistsAndTheClinicsAdminsSeeAnIntake_andEveryReadIsAudited() throws Exception {
		String id = intakeId(submit(this.asClient, Examples.officeWorker()));
		Api otherClient = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clinic.client())));
		Api strangerTherapist = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clinic.therapist())));
		Api ownTherapist = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.therapist)));
		TestClinic elsewhere = this.fixture.open();
		Api otherAdmin = new Api(this.mvc, elsewhere.bearer(elsewhere.admin()));

		for (Api outsider : new Api[] { otherClient, strangerTherapist, ownTherapist, otherAdmin }) {
			outsider.perform(get("/api/v1/intakes/" + id)).andExpect(status().isNotFound());
			outsider.perform(get("/api/v1/clients/" + this.client + "/intakes/latest"))
				.andExpect(status().isNotFound());
		}
		book(this.asAdmin, 3, null).andExpect(status().isCreated());
		ownTherapist.perform(get("/api/v1/intakes/" + id)).andExpect(status().isOk());
		this.asAdmin.perform(get("/api/v1/intakes/" + id)).andExpect(status().isOk());
		strangerTherapist.perform(get("/api/v1/intakes/" + id)).andExpect(status().isNotFound());
		strangerTherapist
			.perform(post("/api/v1/clients/" + this.client + "/intakes").contentType(MediaType.APPLICATION_JSON)
				.content(body(Examples.officeWorker())))
			.andExpect(status().isForbidden());

		assertThat(audited("INTAKE_READ", "REFUSED")).isEqualTo(9);
		assertThat(audited("INTAKE_READ", "OK")).isEqualTo(2);
		assertThat(audited("INTAKE_SUBMITTED", "OK")).isEqualTo(1);
		assertThat(audited("INTAKE_SUBMITTED", "REFUSED")).isEqualTo(1);
	}

	@Test
	void aCancelledBookingGivesTheTherapistNoReasonToSeeTheIntake() throws Exception {
		String id = intakeId(submit(this.asClient, Examples.officeWorker()));
		String booked = book(this.asAdmin, 3, null).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.asAdmin
			.perform(post("/api/v1/appointments/" + JsonPath.read(booked, "$.id") + "/cancel")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"changed my mind\"}"))
			.andExpect(status().isOk());
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.therapist)))
			.perform(get("/api/v1/intakes/" + id))
			.andExpect(status().isNotFound());
	}

	@Test
	void aReferralBlocksEveryBookingUntilTheClinicRecordsADoctorsAllClear() throws Exception {
		String id = intakeId(submit(this.asClient, Examples.officeWorker().yes("saddleNumbness"))
			.andExpect(jsonPath("$.assessment.referral").value("URGENT"))
			.andExpect(jsonPath("$.mayBook").value(false))
			.andExpect(jsonPath("$.referralAdvice").value(Matchers.containsString("emergency")))
			.andExpect(jsonPath("$.inForce.techniques").isArray()));

		book(this.asClient, 3, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("medical-referral"));
		book(this.asAdmin, 3, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("medical-referral"));
		assertThat(this.clinic.appointmentCount()).isZero();

		String clearance = "{\"clearedBy\": \"Dr. Weber, A&E Charité\", \"clearedOn\": \"" + this.clinic.today()
				+ "\", \"note\": \"MRI normal\"}";
		this.asClient
			.perform(post("/api/v1/intakes/" + id + "/clearance").contentType(MediaType.APPLICATION_JSON)
				.content(clearance))
			.andExpect(status().isForbidden());
		this.asAdmin
			.perform(post("/api/v1/intakes/" + id + "/clearance").contentType(MediaType.APPLICATION_JSON)
				.content(clearance))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.clearance.clearedBy").value("Dr. Weber, A&E Charité"))
			.andExpect(jsonPath("$.clearance.recordedBy").value(this.clinic.admin().email()))
			.andExpect(jsonPath("$.mayBook").value(true));
		this.asAdmin
			.perform(post("/api/v1/intakes/" + id + "/clearance").contentType(MediaType.APPLICATION_JSON)
				.content(clearance))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("already-cleared"));

		book(this.asClient, 3, null).andExpect(status().isCreated());
		assertThat(audited("MEDICAL_CLEARANCE_RECORDED", "OK")).isEqualTo(1);
		assertThat(audited("MEDICAL_CLEARANCE_RECORDED", "REFUSED")).isEqualTo(1);
	}

	@Test
	void aClearanceNeedsAReferral_aDateNoLaterThanToday_andADoctor() throws Exception {
		String plain = intakeId(submit(this.asClient, Examples.officeWorker()));
		this.asAdmin
			.perform(post("/api/v1/intakes/" + plain + "/clearance").contentType(MediaType.APPLICATION_JSON)
				.content("{\"clearedBy\": \"Dr. X\", \"clearedOn\": \"" + this.clinic.today() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("no-referral"));
		String referred = intakeId(submit(this.asClient, Examples.officeWorker().yes("historyOfCancer")));
		this.asAdmin
			.perform(post("/api/v1/intakes/" + referred + "/clearance").contentType(MediaType.APPLICATION_JSON)
				.content("{\"clearedBy\": \"Dr. X\", \"clearedOn\": \"" + this.clinic.today().plusDays(1) + "\"}"))
			.andExpect(status().isBadRequest());
		this.asAdmin
			.perform(post("/api/v1/intakes/" + referred + "/clearance").contentType(MediaType.APPLICATION_JSON)
				.content("{\"clearedBy\": \"  \", \"clearedOn\": \"" + this.clinic.today() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("clearedBy"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM medical_clearance WHERE clinic_id = ?")
			.param(this.clinic.clinic().id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aContraindicationRulesOutTechniquesAtBooking_andInOverrides() throws Exception {
		String id = intakeId(submit(this.asClient,
				Examples.officeWorker().duration(PainDuration.CHRONIC).yes("anticoagulantsOrBleedingDisorder"))
			.andExpect(jsonPath("$.assessment.cautions[0].code").value("anticoagulants"))
			.andExpect(jsonPath("$.assessment.restricted.DEEP_TISSUE").isNotEmpty())
			.andExpect(jsonPath("$.inForce.techniques").value(Matchers.not(hasItem("DEEP_TISSUE")))));

		book(this.asClient, 3, "DEEP_TISSUE").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("technique-contraindicated"));
		book(this.asClient, 3, "SWEDISH").andExpect(status().isCreated());

		Api ownTherapist = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.therapist)));
		ownTherapist
			.perform(post("/api/v1/intakes/" + id + "/overrides").contentType(MediaType.APPLICATION_JSON)
				.content(override("DEEP_TISSUE")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("technique-contraindicated"));
		ownTherapist
			.perform(post("/api/v1/intakes/" + id + "/overrides").contentType(MediaType.APPLICATION_JSON)
				.content(override("MYOFASCIAL_RELEASE")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.inForce.overridden").value(true))
			.andExpect(jsonPath("$.inForce.techniques[0]").value("MYOFASCIAL_RELEASE"))
			.andExpect(jsonPath("$.inForce.phase.everyDays").value(14));
		this.asAdmin
			.perform(post("/api/v1/intakes/" + id + "/overrides").contentType(MediaType.APPLICATION_JSON)
				.content(override("SWEDISH")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.overrides.length()").value(2))
			.andExpect(jsonPath("$.overrides[0].techniques[0]").value("MYOFASCIAL_RELEASE"))
			.andExpect(jsonPath("$.inForce.techniques[0]").value("SWEDISH"));
		this.asClient
			.perform(post("/api/v1/intakes/" + id + "/overrides").contentType(MediaType.APPLICATION_JSON)
				.content(override("SWEDISH")))
			.andExpect(status().isForbidden());
	}

	@Test
	void outOfRangeMissingAndWronglyTypedAnswersAre400WithFieldMessages_andNothingIsStored() throws Exception {
		expectFieldError(answers -> ((ObjectNode) answers.get("pain")).put("now", 11), "pain.now");
		expectFieldError(answers -> ((ObjectNode) answers.get("pain")).put("worst", 2),
				"pain.worstAtLeastNowAndAverage");
		expectFieldError(answers -> ((ObjectNode) answers.get("redFlags")).remove("saddleNumbness"),
				"redFlags.saddleNumbness");
		expectFieldError(answers -> ((ObjectNode) answers.get("painMap")).putObject("regions"), "painMap.regions");
		expectFieldError(answers -> ((ObjectNode) answers.get("painMap").get("regions")).put("LOWER_BACK_LEFT", 0),
				"painMap.regions[LOWER_BACK_LEFT]");
		expectFieldError(answers -> ((ArrayNode) answers.get("oswestry").get("sections")).set(0, 6),
				"oswestry.sections[0]");
		expectFieldError(answers -> {
			ArrayNode sections = (ArrayNode) answers.get("oswestry").get("sections");
			sections.setNull(0);
			sections.setNull(1);
		}, "oswestry.scorable");
		expectFieldError(answers -> ((ArrayNode) answers.get("startBack").get("agree")).remove(0), "startBack.agree");
		expectFieldError(answers -> answers.remove("duration"), "duration");
		expectFieldError(answers -> ((ObjectNode) answers.get("goals")).put("language", "<script>"), "goals.language");
		expectFieldError(answers -> answers.putObject("body").put("heightCm", 180), "body.weightKg");

		for (Consumer<ObjectNode> wrongType : List.<Consumer<ObjectNode>>of(
				answers -> ((ObjectNode) answers.get("redFlags")).put("feverOrChills", "yes"),
				answers -> ((ObjectNode) answers.get("pain")).put("now", "five"),
				answers -> ((ObjectNode) answers.get("painMap").get("regions")).put("LEFT_EAR", 3),
				answers -> answers.put("duration", "FOREVER"),
				answers -> ((ObjectNode) answers.get("pain")).put("now", 5.5))) {
			ObjectNode answers = this.json.valueToTree(Examples.officeWorker().answers());
			wrongType.accept(answers);
			this.asClient
				.perform(post("/api/v1/clients/" + this.client + "/intakes").contentType(MediaType.APPLICATION_JSON)
					.content(answers.toString()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake WHERE client_id = ?")
			.param(this.client.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aNumberSentForAClinicalAnswerIsRefusedNamingTheField_notReadAsAnOption() throws Exception {
		Map<String, Consumer<ObjectNode>> numbers = Map.of("startBack.bothersomeness",
				answers -> ((ObjectNode) answers.get("startBack")).put("bothersomeness", 3), "duration",
				answers -> answers.put("duration", 2), "goals.pressure",
				answers -> ((ObjectNode) answers.get("goals")).put("pressure", "1"));
		for (var number : numbers.entrySet()) {
			ObjectNode answers = this.json.valueToTree(Examples.officeWorker().answers());
			number.getValue().accept(answers);
			this.asClient
				.perform(post("/api/v1/clients/" + this.client + "/intakes").contentType(MediaType.APPLICATION_JSON)
					.content(answers.toString()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:backcare:problem:invalid-request"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("'" + number.getKey() + "'")));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake WHERE client_id = ?")
			.param(this.client.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theRuleBookAndTheQuestionnaireArePublicAndNameTheirSources() throws Exception {
		this.mvc.perform(get("/api/v1/intake/rules"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(CareRules.VERSION))
			.andExpect(jsonPath("$.careRules[0].source").isNotEmpty())
			.andExpect(jsonPath("$.redFlags[0].result").value("URGENT_REFERRAL"))
			.andExpect(jsonPath("$.contraindications[?(@.code == 'anticoagulants')].rulesOut[0]").value("DEEP_TISSUE"));
		this.mvc.perform(get("/api/v1/intake/questionnaire"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.startBack.items.length()").value(9))
			.andExpect(jsonPath("$.startBack.licence").value(Matchers.containsString("Keele")))
			.andExpect(jsonPath("$.startBack.version").value(StartBack.VERSION))
			.andExpect(jsonPath("$.startBack.items[0].options[*].value").value(contains("true", "false")))
			.andExpect(jsonPath("$.startBack.items[8].field").value("startBack.bothersomeness"))
			.andExpect(jsonPath("$.startBack.items[8].options[*].value")
				.value(contains("NOT_AT_ALL", "SLIGHTLY", "MODERATELY", "VERY_MUCH", "EXTREMELY")))
			.andExpect(jsonPath("$.startBack.items[8].options[3].label").value("Very much"))
			.andExpect(jsonPath("$.oswestry.version").value(Oswestry.VERSION))
			.andExpect(jsonPath("$.oswestry.items.length()").value(10))
			.andExpect(jsonPath("$.oswestry.items[0].field").value("oswestry.sections[0]"))
			.andExpect(jsonPath("$.oswestry.items[0].options.length()").value(6))
			.andExpect(jsonPath("$.oswestry.items[0].options[5].value").value("5"))
			.andExpect(jsonPath("$.nprs.items[2].field").value("pain.worst"))
			.andExpect(jsonPath("$.nprs.items[2].options.length()").value(11))
			.andExpect(jsonPath("$.painRegions.SACRUM_BUTTOCKS").value("Sacrum and buttocks"));
	}

	@Test
	void theClientsDataExportHoldsTheirIntakes_andErasureDeletesThem() throws Exception {
		String id = intakeId(submit(this.asClient, Examples.officeWorker().yes("historyOfCancer")));
		this.asClient.perform(get("/api/v1/me/data"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intakes[0].id").value(id))
			.andExpect(jsonPath("$.intakes[0].answers.redFlags.historyOfCancer").value(true));
		this.asClient
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"))
			.andExpect(status().isNoContent());
		for (String table : new String[] { "intake", "instrument_response" }) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = ?")
				.param(this.client.value())
				.query(Long.class)
				.single()).as(table).isZero();
		}
	}

	private void expectFieldError(Consumer<ObjectNode> change, String field) throws Exception {
		ObjectNode answers = this.json.valueToTree(Examples.officeWorker().answers());
		change.accept(answers);
		this.asClient
			.perform(post("/api/v1/clients/" + this.client + "/intakes").contentType(MediaType.APPLICATION_JSON)
				.content(answers.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
	}

	private ResultActions submit(Api as, Examples examples) throws Exception {
		return as.perform(post("/api/v1/clients/" + this.client + "/intakes").contentType(MediaType.APPLICATION_JSON)
			.content(body(examples)));
	}

	private String body(Examples examples) {
		return this.json.writeValueAsString(examples.answers());
	}

	private static String intakeId(ResultActions submitted) throws Exception {
		return JsonPath.read(submitted.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id");
	}

	@Test
	void aClearanceOrAnIntakeRecordedElsewhereHoldsForTheNextBookingHere() throws Exception {
		String id = intakeId(submit(this.asClient,
				Examples.officeWorker().yes("saddleNumbness").yes("anticoagulantsOrBleedingDisorder")));
		book(this.asClient, 3, null).andExpect(status().isUnprocessableContent());
		// Another node, or a database console: the database announces it, this node
		// forgets what it kept of the client's intake.
		this.jdbc
			.sql("""
					INSERT INTO medical_clearance (clinic_id, intake_id, recorded_at, recorded_by, recorded_by_name, cleared_by,
					                               cleared_on)
					SELECT clinic_id, id, now(), gen_random_uuid(), 'elsewhere', 'Dr. Weber', current_date FROM intake WHERE id = ?::uuid""")
			.param(id)
			.update();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> book(this.asClient, 3, null).andReturn().getResponse().getStatus() == 201);
		book(this.asClient, 4, "DEEP_TISSUE").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("technique-contraindicated"));
		this.jdbc.sql("DELETE FROM intake WHERE id = ?::uuid").param(id).update();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> book(this.asClient, 4, "DEEP_TISSUE").andReturn().getResponse().getStatus() == 201);
	}

	private ResultActions book(Api as, int days, String technique) throws Exception {
		String body = BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(days, 10, 0));
		if (technique != null) {
			body = body.replace("}", ", \"technique\": \"" + technique + "\"}");
		}
		return as.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static String override(String technique) {
		return "{\"techniques\": [\"" + technique + "\"], \"initialSessions\": 4, \"everyDays\": 14, "
				+ "\"maintenanceEveryWeeks\": 6, \"note\": \"Responds better to slower work\"}";
	}

	private long audited(String action, String outcome) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = ? AND subject_client_id = ?")
			.params(action, outcome, this.client.value())
			.query(Long.class)
			.single();
	}

}
