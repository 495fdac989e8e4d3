package org.backcare.privacy;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.assessment.Examples;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Once a client is erased, nothing new can be recorded for them: every write that takes a
 * client answers 410 Gone with the reason (and stores nothing), and no picker offers them
 * again.
 */
@IntegrationTest
class ErasureIsFinalTest {

	static final String GONE = "urn:backcare:problem:client-erased";

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	TestClinic clinic;

	ClientId erased;

	TherapistId therapist;

	Api asAdmin;

	@BeforeEach
	void eraseAClient() throws Exception {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.erased = this.clinic.client();
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.erased)))
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"))
			.andExpect(status().isNoContent());
		this.asAdmin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void theFrontDeskCannotBookAnErasedClient() throws Exception {
		this.asAdmin
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.erased, this.therapist, this.clinic.inDays(4, 10, 0))))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value(GONE))
			.andExpect(jsonPath("$.detail").value(containsString("erased at their request")));
		assertThat(this.clinic.appointmentCount()).isZero();
	}

	@Test
	void anErasedClientGetsNoNewIntake() throws Exception {
		this.asAdmin
			.perform(post("/api/v1/clients/{id}/intakes", this.erased.value()).contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Examples.officeWorker().answers())))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value(GONE));
		assertThat(this.jdbc.sql("SELECT count(*) FROM intake WHERE client_id = ?")
			.param(this.erased.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anErasedClientIsNotMatchedAndTheirSourceIsNotRecorded() throws Exception {
		this.asAdmin.perform(get("/api/v1/clients/{id}/matches", this.erased.value()))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value(GONE));
		this.asAdmin
			.perform(put("/api/v1/clients/{id}/found-via", this.erased.value()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"foundVia\": \"FRIEND\"}"))
			.andExpect(status().isGone());
		assertThat(this.jdbc.sql("SELECT found_via FROM client WHERE id = ?")
			.param(this.erased.value())
			.query(String.class)
			.optional()).isEmpty();
	}

	@Test
	void noPickerOffersAnErasedClient() throws Exception {
		Pages frontDesk = new Pages(this.mvc, this.clinic.admin());
		String option = "value=\"" + this.erased.value() + "\"";
		for (String page : new String[] { "/book", "/intake", "/match", "/assessments" }) {
			frontDesk.perform(get(page))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(option))));
		}
		frontDesk.perform(get("/book")).andExpect(content().string(not(containsString("Erased client"))));
	}

}
