package org.backcare.plan;

import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.assessment.Examples;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session's note and the client's feedback turn into a proposal for the next session,
 * shown on the therapist's day with the last plan and the feedback; the session's
 * therapist accepts, edits or rejects it, with the reason; the client's intake keeps a
 * ruled-out technique and an avoided area out of it.
 */
@IntegrationTest
class NextSessionPlanTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	TestClinic clinic;

	TherapistId anna;

	ClientId maria;

	CurrentUser annaSignedIn;

	CurrentUser mariaSignedIn;

	Api therapist;

	Api client;

	Api frontDesk;

	UUID next;

	@BeforeEach
	void aSessionNotedAndToldAbout_andTheNextBooked() throws Exception {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist(Technique.SWEDISH, Technique.DEEP_TISSUE);
		this.maria = this.clinic.client();
		this.annaSignedIn = this.clinic.signedIn(this.anna);
		this.therapist = new Api(this.mvc, this.clinic.bearer(this.annaSignedIn));
		this.mariaSignedIn = this.clinic.signedIn(this.maria);
		this.client = new Api(this.mvc, this.clinic.bearer(this.mariaSignedIn));
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		this.frontDesk
			.perform(post("/api/v1/clients/{id}/intakes", this.maria.value()).contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Examples.officeWorker().answers())))
			.andExpect(status().isCreated());
		UUID held = this.clinic.sessionEndedHoursAgo(this.anna, this.maria, 30);
		this.therapist
			.perform(put("/api/v1/appointments/{id}/note", held).contentType(MediaType.APPLICATION_JSON).content("""
					{"painNow": 5, "plan": "Same areas next week",
					 "areas": [{"region": "LOWER_BACK_LEFT", "technique": "DEEP_TISSUE", "pressure": "FIRM"},
					           {"region": "NECK", "technique": "SWEDISH", "pressure": "MEDIUM"}]}"""))
			.andExpect(status().isOk());
		this.therapist.perform(post("/api/v1/appointments/{id}/note/signature", held)).andExpect(status().isOk());
		this.client
			.perform(put("/api/v1/appointments/{id}/feedback", held).contentType(MediaType.APPLICATION_JSON).content("""
					{"pressure": [{"region": "LOWER_BACK_LEFT", "verdict": "TOO_FIRM"}], "sorenessNextDay": 4,
					 "avoidAreas": ["NECK"]}"""))
			.andExpect(status().isOk());
		this.next = UUID.fromString(
				this.json
					.readTree(
							this.frontDesk
								.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
									.content(BookingApiTestBodies.body(this.maria, this.anna,
											this.clinic.inDays(3, 10, 0))))
								.andExpect(status().isCreated())
								.andReturn()
								.getResponse()
								.getContentAsString())
					.get("id")
					.asString());
	}

	@Test
	void tooFirmLastTimeIsOneStepLighterNow_andTheAreaToAvoidIsLeftOut() throws Exception {
		this.therapist.perform(get("/api/v1/appointments/{id}/proposal", this.next))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lastPlan").value("Same areas next week"))
			.andExpect(jsonPath("$.proposal.areas", hasSize(1)))
			.andExpect(jsonPath("$.proposal.areas[0].region").value("LOWER_BACK_LEFT"))
			.andExpect(jsonPath("$.proposal.areas[0].pressure").value("MEDIUM"))
			.andExpect(jsonPath("$.proposal.areas[0].technique").value("DEEP_TISSUE"))
			.andExpect(jsonPath("$.proposal.fired[*].id")
				.value(org.hamcrest.Matchers.containsInAnyOrder("avoid-area", "lighter-after-too-firm-or-sore")))
			.andExpect(jsonPath("$.proposal.rulesVersion").value(NextSessionRules.VERSION));
		this.frontDesk.perform(get("/api/v1/appointments/{id}/proposal", this.next)).andExpect(status().isOk());
		this.client.perform(get("/api/v1/appointments/{id}/proposal", this.next)).andExpect(status().isForbidden());
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clinic.therapist())))
			.perform(get("/api/v1/appointments/{id}/proposal", this.next))
			.andExpect(status().isNotFound());
	}

	@Test
	void aTechniqueTheIntakeNowRulesOutIsNotProposed() throws Exception {
		this.frontDesk
			.perform(post("/api/v1/clients/{id}/intakes", this.maria.value()).contentType(MediaType.APPLICATION_JSON)
				.content(this.json
					.writeValueAsString(Examples.officeWorker().yes("anticoagulantsOrBleedingDisorder").answers())))
			.andExpect(status().isCreated());
		this.therapist.perform(get("/api/v1/appointments/{id}/proposal", this.next))
			.andExpect(jsonPath("$.proposal.areas[0].technique").doesNotExist())
			.andExpect(jsonPath("$.proposal.areas[0].pressure").value("MEDIUM"))
			.andExpect(jsonPath("$.proposal.areas[0].why[0]").value(containsString("Deep tissue massage left out")));
	}

	@Test
	void theSessionsTherapistAcceptsEditsOrRejects_alwaysWithAReason_theLatestInForce() throws Exception {
		decide(this.therapist, "{\"decision\": \"ACCEPTED\"}").andExpect(status().isBadRequest());
		decide(this.therapist, "{\"decision\": \"EDITED\", \"reason\": \"She asked for more on the left\"}")
			.andExpect(status().isBadRequest());
		decide(this.therapist, "{\"decision\": \"ACCEPTED\", \"reason\": \"Makes sense\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.proposal").value(containsString("Lower back, left: medium")));
		decide(this.therapist,
				"""
						{"decision": "EDITED", "reason": "She asked for more on the left", "plan": "Left lower back firm, 20 min"}""")
			.andExpect(status().isCreated());
		decide(this.frontDesk, "{\"decision\": \"REJECTED\", \"reason\": \"no\"}").andExpect(status().isForbidden());
		this.therapist.perform(get("/api/v1/appointments/{id}/proposal", this.next))
			.andExpect(jsonPath("$.decision.decision").value("EDITED"))
			.andExpect(jsonPath("$.decision.plan").value("Left lower back firm, 20 min"));
		Pages chart = new Pages(this.mvc, this.annaSignedIn);
		chart.perform(get("/clients/{id}/chart", this.maria.value()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Note, signed")))
			.andExpect(content().string(containsString("The client&#39;s feedback")))
			.andExpect(content().string(containsString("Proposal edited")))
			.andExpect(content().string(containsString("Plan: Left lower back firm, 20 min")));
		new Pages(this.mvc, this.mariaSignedIn).perform(get("/clients/{id}/chart", this.maria.value()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/plan/rules"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules[?(@.id == 'reassess-when-worse')].source")
				.value(org.hamcrest.Matchers.hasItem(containsString("Ostelo"))));
	}

	@Test
	void theTherapistsDayShowsTheLastPlanTheFeedbackAndTheProposal_andTakesTheDecision() throws Exception {
		Pages pages = new Pages(this.mvc, this.annaSignedIn);
		pages.perform(get("/day").param("date", this.clinic.today().plusDays(3).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Plan for this session")))
			.andExpect(content().string(containsString("Last note: Same areas next week")))
			.andExpect(content().string(containsString("Lower back, left: Medium, Deep tissue massage")))
			.andExpect(content().string(containsString("the client found it too firm")))
			.andExpect(content().string(containsString("the client said: too firm on the lower back, left")));
		pages.perform(post("/sessions/{id}/proposal", this.next).param("decision", "REJECTED").param("reason", ""))
			.andExpect(status().is3xxRedirection());
		pages
			.perform(post("/sessions/{id}/proposal", this.next).param("decision", "ACCEPTED")
				.param("reason", "Agreed with Maria"))
			.andExpect(status().is3xxRedirection());
		pages.perform(get("/day").param("date", this.clinic.today().plusDays(3).toString()))
			.andExpect(content().string(containsString("Accepted: Agreed with Maria")));
	}

	private org.springframework.test.web.servlet.ResultActions decide(Api api, String body) throws Exception {
		return api.perform(
				post("/api/v1/appointments/{id}/proposal/decisions", this.next).contentType(MediaType.APPLICATION_JSON)
					.content(body));
	}

}
