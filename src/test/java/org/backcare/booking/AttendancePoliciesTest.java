package org.backcare.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clinic's cancellation window and attendance: inside the window a client cannot
 * cancel or move online and is told how to reach the clinic; the front desk can, and the
 * cancellation counts as late. A no-show is set by staff after the start. The client
 * record counts all three.
 */
@IntegrationTest
class AttendancePoliciesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Clinics clinics;

	@Autowired
	Clock clock;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	org.backcare.account.CurrentUser clientUser;

	Api asClient;

	Api asAdmin;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.clientUser = this.clinic.signedIn(this.client);
		this.asClient = new Api(this.mvc, this.clinic.bearer(this.clientUser));
		this.asAdmin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void aClientMayCancelUpToTheWindow_oneMinuteInsideItTheyAreToldToCallTheClinic() throws Exception {
		OffsetDateTime start = this.clinic.inDays(3, 10, 0);
		String first = book(start);
		// The window ends a minute before now: cancelling online is still allowed.
		window(Duration.between(this.clock.instant(), start.toInstant()).minusMinutes(1));
		cancel(this.asClient, first).andExpect(status().isOk()).andExpect(jsonPath("$.lateCancellation").value(false));

		String second = book(start);
		// The window began a minute ago: the client must call.
		window(Duration.between(this.clock.instant(), start.toInstant())
			.plusMinutes(2)
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
		cancel(this.asClient, second).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("inside-cancellation-window"))
			.andExpect(jsonPath("$.detail").value(containsString("please call or visit")));
		this.asClient
			.perform(post("/api/v1/appointments/{id}/reschedule", second).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + BookingApiTest.isoSeconds(this.clinic.inDays(4, 10, 0)) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("inside-cancellation-window"));
		// The front desk can, and it is recorded as a late cancellation.
		cancel(this.asAdmin, second).andExpect(status().isOk()).andExpect(jsonPath("$.lateCancellation").value(true));
		attendance().andExpect(jsonPath("$.attendance.lateCancelled").value(1));
	}

	@Test
	void aNoShowIsSetByStaffAfterTheStart_andCountedOnTheClientRecord() throws Exception {
		UUID started = this.clinic.pastAppointment(this.therapist, this.client);
		this.asClient.perform(post("/api/v1/appointments/{id}/no-show", started)).andExpect(status().isForbidden());
		String future = book(this.clinic.inDays(3, 10, 0));
		this.asAdmin.perform(post("/api/v1/appointments/{id}/no-show", future))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("not-yet-started"));
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.therapist)))
			.perform(post("/api/v1/appointments/{id}/no-show", started))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NO_SHOW"));
		this.asAdmin.perform(post("/api/v1/appointments/{id}/no-show", started)).andExpect(status().isConflict());
		UUID completed = this.clinic.pastAppointment(this.therapist, this.client);
		this.asAdmin.perform(post("/api/v1/appointments/{id}/complete", completed)).andExpect(status().isOk());
		attendance().andExpect(jsonPath("$.attendance.noShow").value(1))
			.andExpect(jsonPath("$.attendance.completed").value(1))
			.andExpect(jsonPath("$.attendance.lateCancelled").value(0));
	}

	@Test
	void theBookingPageStatesThePolicy() throws Exception {
		window(Duration.ofHours(48));
		new org.backcare.Pages(this.mvc, this.clientUser)
			.perform(get("/book").param("therapist", this.therapist.toString()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("You can cancel or move a session online up to 2 days before it starts.")));
	}

	private void window(Duration window) {
		this.clinics.setPolicies(this.clinic.clinic().id(),
				this.clinics.policies(this.clinic.clinic().id()).withCancellationWindow(window));
	}

	private String book(OffsetDateTime start) throws Exception {
		String body = this.asAdmin
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, start)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private ResultActions cancel(Api as, String appointment) throws Exception {
		return as.perform(post("/api/v1/appointments/{id}/cancel", appointment).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"ill\"}"));
	}

	private ResultActions attendance() throws Exception {
		return this.asAdmin.perform(get("/api/v1/clients/{id}", this.client.value())).andExpect(status().isOk());
	}

}
