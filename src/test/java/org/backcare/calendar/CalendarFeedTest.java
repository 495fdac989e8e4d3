package org.backcare.calendar;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A therapist's private calendar feed: their sessions to come and nobody else's, without
 * client names or health details, at a secret address that a new address or stopping ends
 * at once; therapists only; opening and stopping audited.
 */
@IntegrationTest
class CalendarFeedTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Clients clients;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	TherapistId anna;

	TherapistId ben;

	ClientId client;

	Api frontDesk;

	Api annaApi;

	@BeforeEach
	void aClinicWithTwoTherapists() {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist();
		this.ben = this.clinic.therapist();
		this.client = this.clinic.client();
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		this.annaApi = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.anna)));
	}

	@Test
	void theFeedHoldsTheTherapistsSessionsToCome_withoutTheClientsNameOrAddress() throws Exception {
		String kept = book(this.anna, this.clinic.inDays(2, 10, 0));
		String cancelled = book(this.anna, this.clinic.inDays(3, 10, 0));
		String bens = book(this.ben, this.clinic.inDays(2, 12, 0));
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", cancelled).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Client is away\"}"))
			.andExpect(status().isOk());
		String url = open(this.annaApi);
		assertThat(url).startsWith("http://localhost:8080/calendar-feed/").endsWith(".ics");

		String feed = this.mvc.perform(get(path(url)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).extracting(event -> event.getUid().orElseThrow().getValue())
			.containsExactly(kept + "@backcare");
		assertThat(events.get(0).getSummary().getValue()).isEqualTo("Treatment, 60 minutes");
		assertThat(feed).contains("TZID:Europe/Berlin", "/appointments/" + kept)
			.doesNotContain(this.clients.get(this.client).name(), this.clients.get(this.client).email(), bens);
	}

	@Test
	void aNewAddressEndsTheOld_stoppingEndsIt_andBothAreAudited() throws Exception {
		String first = open(this.annaApi);
		String second = open(this.annaApi);
		this.mvc.perform(get(path(first))).andExpect(status().isNotFound());
		this.mvc.perform(get(path(second))).andExpect(status().isOk());
		this.annaApi.perform(delete("/api/v1/me/calendar-feed")).andExpect(status().isNoContent());
		this.mvc.perform(get(path(second))).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("""
				SELECT action FROM audit_event WHERE action LIKE 'CALENDAR_FEED_%' AND actor_account_id =
				  (SELECT id FROM account WHERE therapist_id = ?) ORDER BY id""")
			.param(this.anna.value())
			.query(String.class)
			.list()).containsExactly("CALENDAR_FEED_OPENED", "CALENDAR_FEED_OPENED", "CALENDAR_FEED_STOPPED");
	}

	@Test
	void aTherapistWhoLeftHasNoFeed_andAnUnknownAddressIsNotFound() throws Exception {
		String url = open(this.annaApi);
		this.frontDesk
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/admin/therapists/{id}/active", this.anna.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"active\": false}"))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(path(url))).andExpect(status().isNotFound());
		this.mvc.perform(get("/calendar-feed/{token}.ics", "no-such-feed")).andExpect(status().isNotFound());
		this.mvc.perform(get("/calendar-feed/{token}.ics", "x".repeat(500))).andExpect(status().isNotFound());
	}

	@Test
	void aTherapistWhoseAccountIsDisabledHasNoFeed() throws Exception {
		String url = open(this.annaApi);
		java.util.UUID account = this.jdbc.sql("SELECT id FROM account WHERE therapist_id = ?")
			.param(this.anna.value())
			.query(java.util.UUID.class)
			.single();
		this.frontDesk.perform(post("/api/v1/admin/accounts/{id}/disable", account)).andExpect(status().isNoContent());
		this.mvc.perform(get(path(url))).andExpect(status().isNotFound());
	}

	@Test
	void feedsAreForTherapistsOnly() throws Exception {
		this.frontDesk.perform(post("/api/v1/me/calendar-feed")).andExpect(status().isForbidden());
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.client)))
			.perform(post("/api/v1/me/calendar-feed"))
			.andExpect(status().isForbidden());
		new Pages(this.mvc, this.clinic.admin()).perform(get("/my-calendar-feed")).andExpect(status().isForbidden());
	}

	@Test
	void theTherapistsPageShowsTheNewAddressOnce() throws Exception {
		Pages anna = new Pages(this.mvc, this.clinic.signedIn(this.anna));
		anna.perform(get("/my-calendar-feed")).andExpect(content().string(containsString("Start my feed")));
		anna.perform(post("/my-calendar-feed"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/calendar-feed/")));
		anna.perform(get("/my-calendar-feed"))
			.andExpect(content().string(containsString("Make a new address")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/calendar-feed/"))));
		anna.perform(post("/my-calendar-feed/stop")).andExpect(content().string(containsString("feed is stopped")));
		anna.perform(get("/day")).andExpect(content().string(containsString("/my-calendar-feed")));
	}

	private String book(TherapistId therapist, OffsetDateTime start) throws Exception {
		return JsonPath.read(this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, therapist, start)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private static String open(Api therapist) throws Exception {
		return JsonPath.read(therapist.perform(post("/api/v1/me/calendar-feed"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.url");
	}

	private static String path(String url) {
		return url.substring(url.indexOf("/calendar-feed/"));
	}

}
