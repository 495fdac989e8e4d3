package org.backcare.homecare;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.assessment.Cause;
import org.backcare.assessment.Examples;
import org.backcare.assessment.PainDuration;
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
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client's home plan, written by a therapist who has met them from what the
 * recommendation proposes and the contraindications allow, kept version by version; the
 * client's log with its rules; weekly adherence; the record in export and erasure.
 */
@IntegrationTest
class HomeCareTest {

	static final String PLAN = """
			{"note": "Small steps.", "items": [
			  {"item": "walk", "daysPerWeek": 5, "minutes": 30},
			  {"item": "movement-break", "timesPerDay": 6, "minutes": 2},
			  {"item": "cold", "timesPerDay": 2, "minutes": 10}]}""";

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

	Api therapist;

	Api client;

	Api frontDesk;

	@BeforeEach
	void aClientWithAnIntake_andATherapistWhoHasMetHer() {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist(Technique.SWEDISH);
		this.maria = this.clinic.client();
		this.clinic.pastAppointment(this.anna, this.maria);
		this.intakes.submitFromPaper(this.clinic.admin(), this.maria,
				Examples.officeWorker().duration(PainDuration.CHRONIC).causes(Cause.PROLONGED_SITTING).answers(),
				Instant.now().minus(Duration.ofDays(3)));
		this.therapist = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.anna)));
		this.client = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.maria)));
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void theTherapistWritesThePlanFromTheOffer_theClientReadsIt_aChangeKeepsTheEarlierVersion() throws Exception {
		JsonNode offer = read(this.therapist.perform(get("/api/v1/clients/{id}/home-plan/offer", this.maria.value()))
			.andExpect(status().isOk()));
		assertThat(offer.findValues("proposed").stream().filter(JsonNode::asBoolean).count()).isEqualTo(3);
		write(this.therapist, PLAN).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
		JsonNode plan = read(this.client.perform(get("/api/v1/clients/{id}/home-plan", this.maria.value()))
			.andExpect(status().isOk()));
		assertThat(plan.get("plan").get("items").get(2).get("safety").toString()).contains("never on bare skin");
		assertThat(plan.get("plan").get("items").get(0).get("illustration").asString())
			.isEqualTo("/img/homecare/exercise.svg");
		write(this.frontDesk, PLAN.replace("\"daysPerWeek\": 5", "\"daysPerWeek\": 3"))
			.andExpect(jsonPath("$.version").value(2));
		JsonNode versions = read(
				this.therapist.perform(get("/api/v1/clients/{id}/home-plan/versions", this.maria.value())));
		assertThat(versions).hasSize(2);
		assertThat(versions.get(1).get("items").get(0).get("daysPerWeek").asInt()).as("version 1 unchanged")
			.isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT count(*) FROM home_plan WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aChangeFromAnOlderVersionIsRefused_someoneElseSavedMeanwhile() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		write(this.frontDesk, PLAN.replace("\"note\": \"Small steps.\"", "\"basedOnVersion\": 0, \"note\": \"x\""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("home-plan-changed")));
		write(this.frontDesk, PLAN.replace("\"note\": \"Small steps.\"", "\"basedOnVersion\": 1, \"note\": \"x\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
	}

	@Test
	void anItemTheContraindicationsRuleOutIsRefused_withTheReason() throws Exception {
		ClientId sofia = this.clinic.client();
		this.clinic.pastAppointment(this.anna, sofia);
		this.intakes.submitFromPaper(this.clinic.admin(), sofia,
				Examples.officeWorker().yes("anticoagulantsOrBleedingDisorder").answers(),
				Instant.now().minus(Duration.ofDays(1)));
		this.therapist
			.perform(put("/api/v1/clients/{id}/home-plan", sofia.value()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"items\": [{\"item\": \"heat\", \"timesPerDay\": 1, \"minutes\": 15}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("ruled-out"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Blood thinners")));
		// The therapist's page shows it with the reason and source, not as a choice.
		new org.backcare.Pages(this.mvc, this.clinic.signedIn(this.anna))
			.perform(get("/clients/{id}/home-plan", sofia.value()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.containsString("Not offered: Blood thinners or a bleeding disorder"),
						org.hamcrest.Matchers.containsString("Nadler"),
						org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"include-heat\"")))));
	}

	@Test
	void whoMayWriteThePlan() throws Exception {
		write(this.client, PLAN).andExpect(status().isForbidden());
		Api stranger = new Api(this.mvc,
				this.clinic.bearer(this.clinic.signedIn(this.clinic.therapist(Technique.SWEDISH))));
		write(stranger, PLAN).andExpect(status().isForbidden());
		TestClinic other = this.fixture.open();
		write(new Api(this.mvc, other.bearer(other.admin())), PLAN).andExpect(status().isNotFound());
		write(this.therapist, PLAN).andExpect(status().isOk());
	}

	@Test
	void aDoseOutOfBoundsIsRefused() throws Exception {
		write(this.therapist, "{\"items\": [{\"item\": \"cold\", \"timesPerDay\": 1, \"minutes\": 20}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("between 10 and 15")));
		write(this.therapist, "{\"items\": [{\"item\": \"walk\", \"daysPerWeek\": 5, \"minutes\": -30}]}")
			.andExpect(status().isBadRequest());
		write(this.therapist, "{\"items\": [{\"item\": \"walk\", \"daysPerWeek\": 5, \"timesPerDay\": 1}]}")
			.andExpect(status().isBadRequest());
		write(this.therapist, "{\"items\": [{\"item\": \"yoga\", \"daysPerWeek\": 5}]}")
			.andExpect(status().isBadRequest());
		write(this.therapist,
				"{\"items\": [{\"item\": \"walk\", \"daysPerWeek\": 5}, {\"item\": \"walk\", \"daysPerWeek\": 2}]}")
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM home_plan WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theClientLogsAnItem_andAdherenceCountsIt_fourOfFiveWalks() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		LocalDate today = today();
		log(this.client, "walk", today, "\"done\": true, \"pain\": 3, \"difficulty\": \"OK\"")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.pain").value(3));
		JsonNode week = read(this.client.perform(get("/api/v1/clients/{id}/home-plan", this.maria.value())))
			.get("weeks")
			.get(0);
		JsonNode walk = week.get("items").get(0);
		assertThat(walk.get("item").asString()).isEqualTo("walk");
		assertThat(walk.get("done").asInt()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'HOME_CARE_LOGGED' AND subject_client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aLogIsRefused_painEleven_aFutureDay_overAWeekBack_noReason_anotherClientsPlan_anItemNotInThePlan()
			throws Exception {
		log(this.client, "walk", today(), "\"done\": true").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("no-plan"));
		write(this.therapist, PLAN).andExpect(status().isOk());
		LocalDate today = today();
		log(this.client, "walk", today, "\"done\": true, \"pain\": 11").andExpect(status().isBadRequest());
		log(this.client, "walk", today, "\"done\": true, \"pain\": -1").andExpect(status().isBadRequest());
		log(this.client, "walk", today.plusDays(1), "\"done\": true").andExpect(status().isBadRequest());
		log(this.client, "walk", today.minusDays(8), "\"done\": true").andExpect(status().isBadRequest());
		log(this.client, "walk", today, "\"done\": false").andExpect(status().isBadRequest());
		log(this.client, "walk", today, "\"done\": true, \"reason\": \"NO_TIME\"").andExpect(status().isBadRequest());
		log(this.client, "swim", today, "\"done\": true").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("not-in-plan"));
		ClientId other = this.clinic.client();
		log(new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(other))), "walk", today, "\"done\": true")
			.andExpect(status().isNotFound());
		log(this.therapist, "walk", today, "\"done\": true").andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM home_log WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aDoubleSendIsOneEntry() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		for (int i = 0; i < 2; i++) {
			this.client
				.perform(post("/api/v1/clients/{id}/home-log", this.maria.value()).header("Idempotency-Key", "tap-1")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"item\": \"walk\", \"day\": \"" + today() + "\", \"done\": true}"))
				.andExpect(status().isCreated());
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM home_log WHERE client_id = ?")
			.param(this.maria.value())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void theClientsOwnDay_aClientInAnotherZoneLogsTheirToday_notTheClinics() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		// A zone whose date differs from the clinic's right now: a day ahead (Auckland)
		// or
		// a day behind (Pago Pago), whatever the hour.
		ZoneId zone = java.util.stream.Stream.of("Pacific/Auckland", "Pacific/Pago_Pago")
			.map(ZoneId::of)
			.filter(candidate -> !LocalDate.now(candidate).equals(today()))
			.findFirst()
			.orElseThrow();
		this.client
			.perform(put("/api/v1/me/home-reminders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"zone\": \"" + zone.getId() + "\", \"reminders\": []}"))
			.andExpect(status().isOk());
		LocalDate theirToday = LocalDate.now(zone);
		log(this.client, "walk", theirToday, "\"done\": true").andExpect(status().isCreated());
		// The clinic's today is their yesterday (before their plan began) or their
		// tomorrow.
		log(this.client, "walk", today(), "\"done\": true").andExpect(status().isBadRequest());
		assertThat(read(this.client.perform(get("/api/v1/clients/{id}/home-plan", this.maria.value()))).get("today")
			.asString()).isEqualTo(theirToday.toString());
	}

	@Test
	void remindersAreTheClientsOwn_forItemsOfTheirPlan() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		reminders(this.client, "{\"zone\": \"Mars/Olympus\", \"reminders\": []}").andExpect(status().isBadRequest());
		reminders(this.client,
				"{\"zone\": \"Europe/Berlin\", \"reminders\": [{\"item\": \"swim\", \"at\": \"08:00\", \"days\": [\"MONDAY\"]}]}")
			.andExpect(status().isBadRequest());
		reminders(this.client,
				"{\"zone\": \"Europe/Berlin\", \"reminders\": [{\"item\": \"walk\", \"at\": \"08:00\", \"days\": []}]}")
			.andExpect(status().isBadRequest());
		reminders(this.client, "{\"zone\": \"Europe/Berlin\", \"reminders\": [], \"quietFrom\": \"22:00\"}")
			.andExpect(status().isBadRequest());
		reminders(this.therapist, "{\"zone\": \"Europe/Berlin\", \"reminders\": []}").andExpect(status().isForbidden());
		reminders(this.client,
				"{\"zone\": \"Europe/Berlin\", \"reminders\": [{\"item\": \"walk\", \"at\": \"08:00\", \"days\": [\"MONDAY\", \"FRIDAY\"]}],"
						+ " \"quietFrom\": \"22:00\", \"quietUntil\": \"07:00\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminders[0].days.length()").value(2));
		this.client.perform(post("/api/v1/me/home-reminders/pause"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(true));
		this.client.perform(post("/api/v1/me/home-reminders/resume"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(false));
	}

	@Test
	void theClinicSetsWhenTheNudgeGoes_itsAdminsOnly() throws Exception {
		this.frontDesk.perform(get("/api/v1/admin/home-care")).andExpect(jsonPath("$.nudgeAfterDays").value(3));
		this.frontDesk
			.perform(put("/api/v1/admin/home-care").contentType(MediaType.APPLICATION_JSON)
				.content("{\"nudgeAfterDays\": 15}"))
			.andExpect(status().isBadRequest());
		this.frontDesk
			.perform(put("/api/v1/admin/home-care").contentType(MediaType.APPLICATION_JSON)
				.content("{\"nudgeAfterDays\": 5}"))
			.andExpect(status().isOk());
		this.frontDesk.perform(get("/api/v1/admin/home-care")).andExpect(jsonPath("$.nudgeAfterDays").value(5));
		this.therapist.perform(get("/api/v1/admin/home-care")).andExpect(status().isForbidden());
	}

	@Test
	void thePlanAndLogAreInTheExport_andGoOnErasure() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		log(this.client, "walk", today(), "\"done\": true").andExpect(status().isCreated());
		reminders(this.client,
				"{\"zone\": \"Europe/Berlin\", \"reminders\": [{\"item\": \"walk\", \"at\": \"08:00\", \"days\": [\"MONDAY\"]}]}")
			.andExpect(status().isOk());
		assertThat(this.json.writeValueAsString(this.privacy.export(this.maria).get("homeCare")))
			.contains("Small steps.", "\"walk\"", "Europe/Berlin");
		this.privacy.erase(this.maria);
		for (String table : new String[] { "home_plan", "home_log", "home_reminder_setting", "home_reminder" }) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = ?")
				.param(this.maria.value())
				.query(Integer.class)
				.single()).as(table).isZero();
		}
	}

	@Test
	void aPlanVersionCannotBeChangedInTheDatabase() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("UPDATE home_plan SET note = 'changed' WHERE client_id = ?")
				.param(this.maria.value())
				.update())
			.rootCause()
			.hasMessageContaining("never changed");
	}

	@Test
	void theTherapistSeesAdherenceOnTheDay_andTheReportForTheDoctorHasIt() throws Exception {
		write(this.therapist, PLAN).andExpect(status().isOk());
		log(this.client, "walk", today(), "\"done\": true, \"pain\": 8").andExpect(status().isCreated());
		org.backcare.account.CurrentUser annaUser = this.clinic.signedIn(this.anna);
		java.time.OffsetDateTime start = this.jdbc
			.sql("SELECT starts_at FROM appointment WHERE client_id = ? ORDER BY starts_at LIMIT 1")
			.param(this.maria.value())
			.query(java.time.OffsetDateTime.class)
			.single();
		new org.backcare.Pages(this.mvc, annaUser)
			.perform(get("/day").param("date", start.atZoneSameInstant(ClinicFixture.BERLIN).toLocalDate().toString()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Home care</a>:"),
						org.hamcrest.Matchers.containsString("severe pain logged 1 time in two weeks"))));
		byte[] pdf = this.therapist.perform(get("/api/v1/clients/{id}/progress-report", this.maria.value()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument report = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(report).replaceAll("\\s+", " "))
				.contains("Home care", "Walk, 5 days a week, 30 minutes", "Asked days done");
		}
	}

	private LocalDate today() {
		return this.clinic.today();
	}

	private ResultActions write(Api as, String body) throws Exception {
		return as
			.perform(put("/api/v1/clients/{id}/home-plan", this.maria.value()).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private ResultActions log(Api as, String item, LocalDate day, String rest) throws Exception {
		return as
			.perform(post("/api/v1/clients/{id}/home-log", this.maria.value()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\": \"" + item + "\", \"day\": \"" + day + "\", " + rest + "}"));
	}

	private ResultActions reminders(Api as, String body) throws Exception {
		return as.perform(put("/api/v1/me/home-reminders").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private JsonNode read(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
