package org.backcare.booking;

import java.time.Duration;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My appointments", where a client lands: coming sessions with a cancel button while the
 * clinic's window allows it and, inside it, how to reach the clinic; past sessions with
 * what became of them.
 */
@IntegrationTest
class MyAppointmentsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Clinics clinics;

	TestClinic clinic;

	ClientId client;

	TherapistId therapist;

	CurrentUser me;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.me = this.clinic.signedIn(this.client);
	}

	@Test
	void aClientLandsOnTheirAppointmentsAfterSigningIn() throws Exception {
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", this.me.email())
				.param("password", ClinicFixture.PASSWORD))
			.andExpect(redirectedUrl("/me/appointments"));
	}

	@Test
	void aSessionOutsideTheWindowIsCancelledFromTheList_oneInsideItSaysToCallTheClinic() throws Exception {
		String soon = book(2);
		String later = book(6);
		// Four days' notice: the session in two days may no longer be cancelled online,
		// the one in six may.
		this.clinics.setPolicies(this.clinic.clinic().id(),
				this.clinics.policies(this.clinic.clinic().id()).withCancellationWindow(Duration.ofDays(4)));
		Pages asMe = new Pages(this.mvc, this.me);
		asMe.perform(get("/me/appointments"))
			.andExpect(content()
				.string(allOf(containsString("Coming up"), containsString("/appointments/" + later + "/cancel"),
						containsString("Less than 4 days to go: please call the clinic"))));
		asMe.perform(post("/appointments/{id}/cancel", soon))
			.andExpect(redirectedUrl("/me/appointments"))
			.andExpect(flash().attribute("problem", containsString("please call or visit")));
		asMe.perform(post("/appointments/{id}/cancel", later))
			.andExpect(redirectedUrl("/me/appointments"))
			.andExpect(flash().attribute("done", "The session is cancelled and its time is free again."));
		asMe.perform(get("/me/appointments"))
			.andExpect(content().string(allOf(containsString("Earlier"), containsString("cancelled"))));
	}

	@Test
	void aClientMovesASessionOutsideTheWindowToAnOfferedTimeOfTheSameTherapist_notOneInsideIt() throws Exception {
		String soon = book(2);
		String later = book(6);
		this.clinics.setPolicies(this.clinic.clinic().id(),
				this.clinics.policies(this.clinic.clinic().id()).withCancellationWindow(Duration.ofDays(4)));
		Pages asMe = new Pages(this.mvc, this.me);
		asMe.perform(get("/me/appointments"))
			.andExpect(content().string(allOf(containsString("/appointments/" + later + "/move"),
					not(containsString("/appointments/" + soon + "/move")))));
		// The offered times are the same therapist's, for the same service; no other
		// therapist is offered to a client.
		asMe.perform(get("/appointments/{id}/move", later))
			.andExpect(content().string(allOf(containsString("Free times of"), containsString("14:00–15:00"),
					not(containsString("<select id=\"therapist\"")))));
		asMe.perform(post("/appointments/{id}/move", later).param("start", this.clinic.inDays(6, 14, 0).toString()))
			.andExpect(redirectedUrl("/me/appointments"));
		asMe.perform(get("/me/appointments")).andExpect(content().string(containsString("14:00–15:00")));
		// Inside the window the page says why and how to reach the clinic; nothing moves.
		asMe.perform(post("/appointments/{id}/move", soon).param("start", this.clinic.inDays(2, 15, 0).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("please call or visit")));
	}

	private String book(int days) throws Exception {
		String body = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()))
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(days, 10, 0))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

}
