package org.backcare.calendar;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The front desk's clinic calendar: every therapist as a column, sessions, buffers, time
 * off and free time to scale; a session moved or given to another qualified therapist in
 * one step, under the same rules as the API; clients found by name, e-mail or date of
 * birth, never an erased one.
 */
@IntegrationTest
class ClinicCalendarTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Clients clients;

	@Autowired
	Therapists therapists;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	TherapistId anna;

	TherapistId ben;

	TherapistId swedishOnly;

	ClientId client;

	OffsetDateTime start;

	UUID session;

	Api frontDesk;

	@BeforeEach
	void twoDeepTissueTherapistsAndOneSessionWithTimeOffAfterIt() throws Exception {
		this.clinic = this.fixture.open();
		this.anna = this.clinic.therapist(Technique.DEEP_TISSUE);
		this.ben = this.clinic.therapist(Technique.DEEP_TISSUE);
		this.swedishOnly = this.clinic.therapist(Technique.SWEDISH);
		this.client = this.clinic.client();
		this.start = this.clinic.inDays(3, 10, 0);
		this.therapists.addTimeOff(this.anna,
				new TimeRange(this.start.plusHours(3).toInstant(), this.start.plusHours(4).toInstant()), "Dentist");
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		String booked = this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.anna, this.start, Technique.DEEP_TISSUE)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.session = UUID.fromString(this.json.readTree(booked).get("id").asString());
	}

	@Test
	void theFrontDeskSeesEveryTherapistAsAColumnWithSessionBufferTimeOffAndFreeTimeToScale() throws Exception {
		String name = this.clients.get(this.client).name();
		new Pages(this.mvc, this.clinic.admin())
			.perform(get("/calendar").param("date", this.start.toLocalDate().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(this.therapists.get(this.anna).name()),
					containsString(this.therapists.get(this.ben).name()),
					// 60 minutes are twelve five-minute rows, the 15-minute buffer three
					containsString("rowspan=\"12\" class=\"cal-session\""), containsString("10:00–11:00"),
					containsString(name), containsString("rowspan=\"3\" class=\"cal-buffer\""),
					containsString("Time off 13:00–14:00"), containsString("cal-free"),
					containsString("/book?therapist=" + this.ben.value()),
					containsString("/appointments/" + this.session + "/move"))));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event
				WHERE actor_account_id = ? AND action = 'CALENDAR_READ' AND outcome = 'OK'""")
			.param(this.clinic.admin().id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theWeekShowsEachDayPerTherapist() throws Exception {
		new Pages(this.mvc, this.clinic.admin())
			.perform(get("/calendar").param("date", this.start.toLocalDate().toString()).param("view", "week"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Week from"), containsString("Works 08:00–20:00"),
					containsString("10:00 " + this.clients.get(this.client).name()),
					containsString("Time off 13:00–14:00"))));
	}

	@Test
	void aDayFarOutOfRangeIsAFriendlyRefusal() throws Exception {
		new Pages(this.mvc, this.clinic.admin()).perform(get("/calendar").param("date", "+300000-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("<nav aria-label=\"Main\">")));
	}

	@Test
	void onlyTheFrontDeskOfTheClinicSeesItsCalendar() throws Exception {
		new Pages(this.mvc, this.clinic.signedIn(this.anna)).perform(get("/calendar"))
			.andExpect(status().isForbidden());
		new Pages(this.mvc, this.clinic.signedIn(this.client)).perform(get("/calendar"))
			.andExpect(status().isForbidden());
		TestClinic other = this.fixture.open();
		new Pages(this.mvc, other.admin()).perform(get("/calendar").param("date", this.start.toLocalDate().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(this.clients.get(this.client).name()))));
	}

	@Test
	void theFrontDeskGivesTheSessionToAnotherQualifiedTherapistAtANewTime() throws Exception {
		CurrentUser admin = this.clinic.admin();
		Pages pages = new Pages(this.mvc, admin);
		pages.perform(get("/appointments/{id}/move", this.session).param("therapist", this.ben.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(this.therapists.get(this.ben).name()),
					containsString("Only therapists certified in Deep tissue massage are offered."),
					not(containsString(this.therapists.get(this.swedishOnly).name())))));
		OffsetDateTime later = this.start.plusHours(2);
		pages
			.perform(post("/appointments/{id}/move", this.session).param("therapist", this.ben.toString())
				.param("start", later.toString()))
			.andExpect(redirectedUrl("/calendar?date=" + later.toLocalDate()));
		assertThat(this.jdbc.sql("SELECT therapist_id FROM appointment WHERE id = ?")
			.param(this.session)
			.query(UUID.class)
			.single()).isEqualTo(this.ben.value());
	}

	@Test
	void aTherapistNotCertifiedInTheTechniqueIsRefusedAndNothingChanges() throws Exception {
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", this.session).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + this.start.plusHours(2) + "\", \"therapistId\": \"" + this.swedishOnly
						+ "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("technique-not-certified"));
		assertThat(this.jdbc.sql("SELECT therapist_id FROM appointment WHERE id = ?")
			.param(this.session)
			.query(UUID.class)
			.single()).isEqualTo(this.anna.value());
	}

	@Test
	void onlyTheFrontDeskReassigns_theClientAndTheTherapistMayOnlyMoveTheTime() throws Exception {
		String toBen = "{\"start\": \"" + this.start.plusHours(2) + "\", \"therapistId\": \"" + this.ben + "\"}";
		for (CurrentUser party : new CurrentUser[] { this.clinic.signedIn(this.client),
				this.clinic.signedIn(this.anna) }) {
			new Api(this.mvc, this.clinic.bearer(party))
				.perform(post("/api/v1/appointments/{id}/reschedule", this.session)
					.contentType(MediaType.APPLICATION_JSON)
					.content(toBen))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value("Only the front desk can give a session to another therapist."));
		}
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.ben)))
			.perform(post("/api/v1/appointments/{id}/reschedule", this.session).contentType(MediaType.APPLICATION_JSON)
				.content(toBen))
			.andExpect(status().isNotFound());
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", this.session).contentType(MediaType.APPLICATION_JSON)
				.content(toBen))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.therapistId").value(this.ben.toString()));
	}

	@Test
	void aTakenTimeIsRefusedAsForANewBooking() throws Exception {
		ClientId other = this.clinic.client();
		OffsetDateTime bensTime = this.start.plusHours(2);
		this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(other, this.ben, bensTime)))
			.andExpect(status().isCreated());
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", this.session).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + bensTime + "\", \"therapistId\": \"" + this.ben + "\"}"))
			.andExpect(status().isConflict());
		JsonNode unchanged = this.json.readTree(this.frontDesk.perform(get("/api/v1/appointments/{id}", this.session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(unchanged.get("therapistId").asString()).isEqualTo(this.anna.toString());
		assertThat(OffsetDateTime.parse(unchanged.get("start").asString()).toInstant())
			.isEqualTo(this.start.toInstant());
	}

	@Test
	void theClientPickerFindsByNameEmailOrBirthDate_tellsNamesakesApart_andNeverOffersTheErased() throws Exception {
		ClientId first = this.clients.register(this.clinic.clinic().id(), "Maria Lopez", "maria.l@example.org", "",
				java.time.LocalDate.of(1984, 3, 17));
		ClientId second = this.clients.register(this.clinic.clinic().id(), "Maria Lopez", "m.lopez@example.org", "",
				java.time.LocalDate.of(1991, 7, 2));
		ClientId erased = this.clients.register(this.clinic.clinic().id(), "Maria Lopez-Erased", "gone@example.org", "",
				java.time.LocalDate.of(1984, 3, 17));
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(erased)))
			.perform(post("/api/v1/me/erasure").contentType(MediaType.APPLICATION_JSON).content("{\"confirm\": true}"))
			.andExpect(status().isNoContent());
		Pages pages = new Pages(this.mvc, this.clinic.admin());
		pages.perform(get("/book/clients").param("find", "maria"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(first.toString()), containsString(second.toString()),
					containsString("maria.l@example.org · born 1984-03-17"),
					containsString("m.lopez@example.org · born 1991-07-02"), not(containsString(erased.toString())))));
		pages.perform(get("/book/clients").param("find", "1984-03-17"))
			.andExpect(content().string(allOf(containsString(first.toString()), not(containsString(second.toString())),
					not(containsString(erased.toString())))));
		pages.perform(get("/book/clients").param("find", "M.LOPEZ@"))
			.andExpect(
					content().string(allOf(containsString(second.toString()), not(containsString(first.toString())))));
		pages.perform(get("/book/clients").param("find", "%"))
			.andExpect(content().string(containsString("No client matches")));
		// Without script, the form's Find button asks the whole page again.
		pages.perform(get("/book").param("find", "maria.l@"))
			.andExpect(content().string(allOf(containsString(first.toString()), containsString("checked"))));
	}

	@Test
	void aMoveWithABrokenTimeOrTherapistGetsAFriendlyPageAndChangesNothing() throws Exception {
		Pages pages = new Pages(this.mvc, this.clinic.admin());
		for (String[] broken : new String[][] { { "start", "yesterday" }, { "start", "2026-13-45T25:61:00+01:00" },
				{ "therapist", "not-a-uuid" }, { "date", "2026-02-30" } }) {
			pages
				.perform(post("/appointments/{id}/move", this.session)
					.param("start", broken[0].equals("start") ? broken[1] : this.start.plusHours(2).toString())
					.param(broken[0].equals("start") ? "date" : broken[0],
							broken[0].equals("start") ? this.start.toLocalDate().toString() : broken[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("<nav aria-label=\"Main\">")));
		}
		pages
			.perform(post("/appointments/{id}/move", this.session).param("therapist", UUID.randomUUID().toString())
				.param("start", this.start.plusHours(2).toString()))
			.andExpect(status().isNotFound());
		pages.perform(post("/appointments/{id}/move", this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please choose a new time.")));
		assertThat(this.jdbc.sql("SELECT therapist_id::text || starts_at::text FROM appointment WHERE id = ?")
			.param(this.session)
			.query(String.class)
			.single()).startsWith(this.anna.toString());
		assertThat(this.jdbc.sql("SELECT starts_at FROM appointment WHERE id = ?")
			.param(this.session)
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(this.start.toInstant());
	}

	@Test
	void theFrontDeskLandsOnTheCalendar() throws Exception {
		CurrentUser admin = this.clinic.admin();
		this.mvc
			.perform(post("/login")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("username", admin.email())
				.param("password", ClinicFixture.PASSWORD))
			.andExpect(redirectedUrl("/calendar"));
	}

}
