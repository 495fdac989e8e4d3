package org.backcare.calendar;

import java.time.OffsetDateTime;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.assessment.Examples;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A therapist's day: their sessions, each with the client's cautions before it (from the
 * latest intake), the service and technique, and the day's actions. Every read is
 * audited; nobody but the therapist and their clinic's front desk sees it.
 */
@IntegrationTest
class TherapistDayTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JsonMapper json;

	@Autowired
	Clients clients;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	CurrentUser therapistUser;

	OffsetDateTime start;

	@BeforeEach
	void aSessionWithAClientWhoTakesBloodThinners() throws Exception {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist(Technique.SWEDISH, Technique.DEEP_TISSUE);
		this.client = this.clinic.client();
		Api admin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		this.start = this.clinic.inDays(3, 10, 0);
		admin
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.start)))
			.andExpect(status().isCreated());
		admin
			.perform(post("/api/v1/clients/{id}/intakes", this.client.value()).contentType(MediaType.APPLICATION_JSON)
				.content(this.json
					.writeValueAsString(Examples.officeWorker().yes("anticoagulantsOrBleedingDisorder").answers())))
			.andExpect(status().isCreated());
		this.therapistUser = this.clinic.signedIn(this.therapist);
	}

	@Test
	void theTherapistSeesTheirSessionWithTheClientsCautionsBeforeIt() throws Exception {
		String name = this.clients.get(this.client).name();
		new Pages(this.mvc, this.therapistUser).perform(get("/day").param("date", this.start.toLocalDate().toString()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("My day"), containsString("10:00–11:00"), containsString(name),
						containsString("needs-care"), containsString("Anticoagulants or bleeding disorder"),
						containsString("Not for this client: Deep tissue massage, Trigger point therapy"),
						containsString("Prefers medium pressure"), containsString("/appointments/"))));
		assertThat(this.jdbc.sql("""
				SELECT string_agg(DISTINCT action, ',' ORDER BY action) FROM audit_event
				WHERE actor_account_id = ? AND outcome = 'OK'""")
			.param(this.therapistUser.id().value())
			.query(String.class)
			.single()).contains("APPOINTMENT_READ", "INTAKE_READ", "SCHEDULE_READ");
	}

	@Test
	void aDayOfSeveralClientsShowsEachTheirOwnRecords_eachReadAudited() throws Exception {
		Api admin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		ClientId withoutCautions = this.clinic.client();
		ClientId withoutIntake = this.clinic.client();
		admin
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(withoutCautions, this.therapist, this.clinic.inDays(3, 12, 0))))
			.andExpect(status().isCreated());
		admin
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(withoutIntake, this.therapist, this.clinic.inDays(3, 14, 0))))
			.andExpect(status().isCreated());
		admin
			.perform(post("/api/v1/clients/{id}/intakes", withoutCautions.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Examples.officeWorker().answers())))
			.andExpect(status().isCreated());
		String page = new Pages(this.mvc, this.therapistUser)
			.perform(get("/day").param("date", this.start.toLocalDate().toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(this.clients.get(withoutCautions).name(), this.clients.get(withoutIntake).name(),
				"12:00–13:00", "14:00–15:00");
		assertThat(page.split("Anticoagulants or bleeding disorder", -1)).as("one client's caution, shown once")
			.hasSize(2);
		assertThat(page.split("No intake yet", -1)).as("one client without an intake").hasSize(2);
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT subject_client_id) FROM audit_event
				WHERE actor_account_id = ? AND action = 'INTAKE_READ' AND outcome = 'OK'""")
			.param(this.therapistUser.id().value())
			.query(Long.class)
			.single()).as("each client's intake read, audited").isEqualTo(3);
	}

	@Test
	void theWeekViewShowsEveryDayFromMonday() throws Exception {
		new Pages(this.mvc, this.therapistUser)
			.perform(get("/day").param("date", this.start.toLocalDate().toString()).param("view", "week"))
			.andExpect(content().string(allOf(containsString("My week"), containsString("10:00–11:00"),
					containsString("No sessions."), containsString("Show the day"))));
	}

	@Test
	void theFrontDeskChoosesWhoseDay_clientsAndOtherClinicsSeeNothing() throws Exception {
		Pages frontDesk = new Pages(this.mvc, this.clinic.admin());
		frontDesk.perform(get("/day"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Whose day?")));
		frontDesk
			.perform(get("/day").param("therapist", this.therapist.toString())
				.param("date", this.start.toLocalDate().toString()))
			.andExpect(content().string(allOf(containsString("Day of "), containsString("10:00–11:00"))));
		new Pages(this.mvc, this.clinic.signedIn(this.clinic.client())).perform(get("/day"))
			.andExpect(status().isForbidden());
		TestClinic other = this.fixture.open();
		new Pages(this.mvc, other.admin()).perform(get("/day").param("therapist", this.therapist.toString()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("10:00–11:00"))));
	}

}
