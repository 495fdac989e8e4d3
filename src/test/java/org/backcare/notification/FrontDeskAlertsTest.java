package org.backcare.notification;

import java.time.LocalDate;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.assessment.Examples;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.intake.Intakes;
import org.backcare.therapist.Licence;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The front desk is told by mail what needs a person before a booked session: a new
 * intake with a red flag while sessions are booked, and a session whose therapist has no
 * valid licence on its day (the client is told too, once). No client name and no finding
 * in those mails.
 */
@IntegrationTest
class FrontDeskAlertsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Intakes intakes;

	@Autowired
	Clients clients;

	@Autowired
	FrontDeskAlerts alerts;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	ClientId client;

	Api frontDesk;

	String admin;

	@BeforeEach
	void aClinic() {
		this.clinic = this.fixture.open();
		this.client = this.clinic.client();
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		this.admin = this.clinic.admin().email();
	}

	@Test
	void aRedFlagInANewIntakeWithSessionsBookedTellsTheAdmins_withoutNamingTheClientOrTheFlag() throws Exception {
		book(this.clinic.therapist(), 3);
		this.intakes.submit(this.clinic.admin(), this.client, Examples.officeWorker().yes("feverOrChills").answers());
		String text = this.jdbc.sql("SELECT body_text FROM mail_message WHERE recipient = ? AND kind = 'DESK_RED_FLAG'")
			.param(this.admin)
			.query(String.class)
			.single();
		assertThat(text)
			.contains("screens positive for a red flag", "1 session booked",
					"/clients/" + this.client.value() + "/assessment")
			.doesNotContain(this.clients.get(this.client).name(), "fever");
	}

	@Test
	void aRedFlagWithoutSessionsBookedOrAnIntakeWithoutOneTellsNobody() throws Exception {
		this.intakes.submit(this.clinic.admin(), this.client, Examples.officeWorker().yes("feverOrChills").answers());
		ClientId booked = this.clinic.client();
		this.intakes.submit(this.clinic.admin(), booked, Examples.officeWorker().answers());
		assertThat(deskMail("DESK_RED_FLAG")).isZero();
	}

	@Test
	void aSessionWhoseTherapistsLicenceEndedTellsTheClientAndTheAdminsOnce() throws Exception {
		LocalDate today = this.clinic.today();
		String number = "LAPSING-" + UUID.randomUUID();
		TherapistId therapist = this.clinic
			.therapist(new Licence("Berlin", number, today.minusYears(1), today.plusYears(1)));
		String session = book(therapist, 5);
		this.frontDesk
			.perform(post("/api/v1/admin/therapists/{id}/licences/end", therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"jurisdiction\": \"Berlin\", \"number\": \"" + number + "\", \"validUntil\": \""
						+ today.plusDays(2) + "\"}"))
			.andExpect(status().isOk());
		this.alerts.lapsedLicences();
		this.alerts.lapsedLicences();
		String email = this.clients.get(this.client).email();
		assertThat(this.jdbc.sql("SELECT body_text FROM mail_message WHERE recipient = ? AND kind = ?")
			.params(email, "SESSION_THERAPIST_UNAVAILABLE")
			.query(String.class)
			.list()).singleElement().asString().contains("We will be in touch", "/me/appointments");
		assertThat(this.jdbc.sql("SELECT body_text FROM mail_message WHERE recipient = ? AND kind = ?")
			.params(this.admin, "DESK_LICENCE_LAPSED")
			.query(String.class)
			.list()).singleElement()
			.asString()
			.contains("without a valid licence", "/appointments/" + session + "/move")
			.doesNotContain(this.clients.get(this.client).name());
	}

	private long deskMail(String kind) {
		return this.jdbc.sql("SELECT count(*) FROM mail_message WHERE recipient = ? AND kind = ?")
			.params(this.admin, kind)
			.query(Long.class)
			.single();
	}

	private String book(TherapistId therapist, int days) throws Exception {
		return com.jayway.jsonpath.JsonPath.read(this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, therapist, this.clinic.inDays(days, 10, 0))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

}
