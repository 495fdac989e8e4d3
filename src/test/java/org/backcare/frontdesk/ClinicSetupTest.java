package org.backcare.frontdesk;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A clinic set up without SQL: its settings and policies, a therapist's hours and time
 * off (sessions they strand are listed, never silently kept or cancelled), accounts
 * enabled again or given another role; every change audited; every node sees a changed
 * clinic.
 */
@IntegrationTest
class ClinicSetupTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Clinics clinics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	org.backcare.booking.Bookings bookings;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	CurrentUser admin;

	Api frontDesk;

	@BeforeEach
	void aClinicWithATherapist() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.admin = this.clinic.admin();
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.admin));
	}

	@Test
	void theFrontDeskChangesTheClinicAndItsPolicies_audited() throws Exception {
		this.frontDesk.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Riverside Back Care", "address": "Uferstraße 3, Berlin", "timeZone": "Europe/Lisbon",
				 "cancellationWindowHours": 48, "intakeBeforeTreatment": true, "minimumNoticeMinutes": 120,
				 "bookingHorizonDays": 90}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Riverside Back Care"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Lisbon"))
			.andExpect(jsonPath("$.cancellationWindowHours").value(48))
			.andExpect(jsonPath("$.intakeBeforeTreatment").value(true));
		assertThat(this.clinics.get(this.clinic.clinic().id()).zone().getId()).isEqualTo("Europe/Lisbon");
		assertThat(this.clinics.policies(this.clinic.clinic().id()).cancellationWindow())
			.isEqualTo(Duration.ofHours(48));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'CLINIC_CHANGED' AND actor_account_id = ?")
			.param(this.admin.id().value())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void eachClinicSetsItsOwnNoticeAndHorizon_bookingsAndFreeTimesFollowAtOnce() throws Exception {
		this.frontDesk
			.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON).content(settings(1440, 14)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.minimumNoticeMinutes").value(1440))
			.andExpect(jsonPath("$.bookingHorizonDays").value(14));
		this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist,
						OffsetDateTime.now().plusHours(23).withMinute(0).withSecond(0).withNano(0))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("too-soon"))
			.andExpect(jsonPath("$.detail").value(containsString("at least 24 hours ahead")));
		this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(15, 10, 0))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("beyond-horizon"))
			.andExpect(jsonPath("$.detail").value("Sessions can be booked at most 14 days ahead."));
		book(this.clinic.inDays(13, 10, 0));
		// The horizon rolls with the clock (now + 14 days), so which hours of the 14th
		// day are
		// open depends on the time of day the test runs; the 13th day is always wholly
		// open.
		OffsetDateTime horizon = OffsetDateTime.now().plusDays(14);
		String slots = this.frontDesk
			.perform(
					get("/api/v1/therapists/{id}/availability", this.therapist.value()).param("service", "TREATMENT_60")
						.param("from", this.clinic.today().toString())
						.param("to", this.clinic.today().plusDays(20).toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<OffsetDateTime> starts = this.json.readTree(slots)
			.get("slots")
			.valueStream()
			.map(slot -> OffsetDateTime.parse(slot.get("start").asString()))
			.toList();
		assertThat(starts).allSatisfy(start -> assertThat(start).isBeforeOrEqualTo(horizon))
			.anySatisfy(start -> assertThat(start.atZoneSameInstant(this.clinic.clinic().zone()).toLocalDate())
				.isEqualTo(this.clinic.today().plusDays(13)));
		this.frontDesk
			.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON).content(settings(2881, 14)))
			.andExpect(status().isBadRequest());
		this.frontDesk
			.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON).content(settings(0, 6)))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE action = 'CLINIC_CHANGED' AND detail LIKE 'minimum notice 1440 min%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTherapistLeaves_onlyOnceTheirSessionsAreMoved_thenNobodyFindsOrBooksThem() throws Exception {
		String booked = book(this.clinic.inDays(3, 10, 0));
		setActive(false).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:therapist-still-booked"))
			.andExpect(jsonPath("$.sessions[0].appointmentId").value(booked));
		assertThat(this.jdbc.sql("SELECT deactivated_at IS NULL FROM therapist WHERE id = ?")
			.param(this.therapist.value())
			.query(Boolean.class)
			.single()).as("nothing changed").isTrue();
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", booked).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Therapist leaving\"}"))
			.andExpect(status().isOk());
		setActive(false).andExpect(status().isNoContent());

		this.frontDesk.perform(get("/api/v1/therapists"))
			.andExpect(jsonPath("$[?(@.id == '" + this.therapist.value() + "')]").isEmpty());
		this.frontDesk.perform(get("/api/v1/therapists/{id}", this.therapist.value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		this.frontDesk.perform(
				get("/api/v1/therapists/{id}/availability", this.therapist.value()).param("service", "TREATMENT_60"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slots").isEmpty());
		this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(4, 10, 0))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("therapist-inactive"));

		setActive(true).andExpect(status().isNoContent());
		book(this.clinic.inDays(4, 10, 0));
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_event WHERE record_id = ? AND action IN ('DEACTIVATED', 'REACTIVATED') "
					+ "ORDER BY id")
			.param(this.therapist.value())
			.query(String.class)
			.list()).containsExactly("DEACTIVATED", "REACTIVATED");
	}

	@Test
	void onThePages_aLeavingTherapistsSessionsAreListedToMoveFirst_andTheStaffListSaysWhoHasLeft() throws Exception {
		Pages pages = new Pages(this.mvc, this.admin);
		String booked = book(this.clinic.inDays(3, 10, 0));
		pages.perform(post("/admin/therapists/{id}/active", this.therapist.value()).param("active", "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Sessions to move first"),
					containsString("/appointments/" + booked + "/move"), containsString("1 booked session"))));
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", booked).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Therapist leaving\"}"))
			.andExpect(status().isOk());
		pages.perform(post("/admin/therapists/{id}/active", this.therapist.value()).param("active", "false"))
			.andExpect(status().is3xxRedirection());
		pages.perform(get("/admin/therapists/{id}/schedule", this.therapist.value()))
			.andExpect(
					content().string(allOf(containsString("Has left the clinic"), containsString("Bookable again"))));
		pages.perform(get("/admin")).andExpect(content().string(containsString("(has left)")));
		pages.perform(get("/therapists/{id}", this.therapist.value()))
			.andExpect(content().string(containsString("no longer works at")));
		pages.perform(get("/admin/clinic"))
			.andExpect(content().string(allOf(containsString("name=\"minimumNoticeMinutes\" type=\"number\""),
					containsString("value=\"120\""), containsString("value=\"90\""))));
	}

	@Test
	void aWithdrawnServiceTakesNoNewBookings_sessionsBookedWithItKeepItAndCanStillMove() throws Exception {
		String booked = bookAs(this.client, "TREATMENT_90", this.clinic.inDays(3, 10, 0))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(booked).get("id").asString();
		offer("TREATMENT_90", false).andExpect(status().isOk()).andExpect(jsonPath("$.offered").value(false));

		bookAs(this.clinic.client(), "TREATMENT_90", this.clinic.inDays(4, 10, 0)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("is no longer offered")));
		this.frontDesk.perform(
				get("/api/v1/therapists/{id}/availability", this.therapist.value()).param("service", "TREATMENT_90"))
			.andExpect(status().isBadRequest());
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + this.clinic.inDays(5, 10, 0) + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("TREATMENT_90"));
		this.frontDesk.perform(get("/api/v1/admin/services"))
			.andExpect(jsonPath("$[?(@.code == 'TREATMENT_90')].offered").value(false))
			.andExpect(jsonPath("$[?(@.code == 'TREATMENT_60')].offered").value(true));
		offer("TREATMENT_60", false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("cannot be withdrawn")));

		offer("TREATMENT_90", true).andExpect(status().isOk()).andExpect(jsonPath("$.offered").value(true));
		bookAs(this.clinic.client(), "TREATMENT_90", this.clinic.inDays(4, 10, 0)).andExpect(status().isCreated());
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'CLINIC_CHANGED' "
					+ "AND detail LIKE 'service TREATMENT_90%' ORDER BY id")
			.param(this.clinic.clinic().id().value())
			.query(String.class)
			.list()).containsExactly("service TREATMENT_90 withdrawn", "service TREATMENT_90 offered again");
	}

	@Test
	void onTheClinicPage_aServiceIsWithdrawnAndOfferedAgain() throws Exception {
		Pages pages = new Pages(this.mvc, this.admin);
		pages.perform(post("/admin/services/{code}/offered", "TREATMENT_90").param("offered", "false"))
			.andExpect(status().is3xxRedirection());
		pages.perform(get("/admin/clinic"))
			.andExpect(content().string(
					allOf(containsString("Offer Treatment, 90 minutes again"), containsString("Withdrawn: not offered"),
							org.hamcrest.Matchers.not(containsString("Withdraw First consultation")))));
		pages.perform(get("/book"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("value=\"TREATMENT_90\""))));
		pages.perform(post("/admin/services/{code}/offered", "FIRST_CONSULTATION").param("offered", "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be withdrawn")));
		pages.perform(post("/admin/services/{code}/offered", "TREATMENT_90").param("offered", "true"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theDatabaseRefusesABookedSessionForATherapistWhoHasLeft_butKeepsTheirHistory() {
		this.jdbc.sql("UPDATE therapist SET deactivated_at = now() WHERE id = ?")
			.param(this.therapist.value())
			.update();
		OffsetDateTime start = this.clinic.inDays(3, 10, 0);
		assertThatThrownBy(() -> this.jdbc
			.sql("""
					INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
					VALUES (?, gen_random_uuid(), ?, ?, 'TREATMENT_60', ?, ?, ?)""")
			.params(this.clinic.clinic().id().value(), this.therapist.value(), this.client.value(), start,
					start.plusMinutes(60), start.plusMinutes(75))
			.update()).hasMessageContaining("the therapist no longer takes bookings");
		assertThat(this.clinic.appointmentCount()).isZero();
		// History of someone who has left is still recorded (as completed, never as
		// booked).
		this.bookings.recordPastSession(this.client, this.therapist, "TREATMENT_60", null,
				this.clinic.inDays(-7, 10, 0).toInstant());
		assertThat(this.clinic.appointmentCount()).isOne();
	}

	@Test
	void aTherapistWhoLeavesLosesAccess_isNotReassignedTo_andIsNotOfferedOnTheCalendar() throws Exception {
		CurrentUser account = this.clinic.signedIn(this.therapist);
		TherapistId other = this.clinic.therapist();
		String booked = book(this.clinic.inDays(3, 10, 0));
		String moved = book(this.clinic.inDays(3, 12, 0));
		this.bookings.recordPastSession(this.client, this.therapist, "TREATMENT_60", null,
				this.clinic.inDays(-7, 10, 0).toInstant());

		// Refused while booked: the listed sessions stay audited reads of the admin.
		setActive(false).andExpect(status().isConflict()).andExpect(jsonPath("$.sessions", hasSize(2)));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE actor_account_id = ? AND action = 'APPOINTMENT_READ'
				AND record_id = ?::uuid""").params(this.admin.id().value(), booked).query(Long.class).single())
			.isPositive();
		assertThat(this.jdbc.sql("SELECT enabled FROM account WHERE id = ?")
			.param(account.id().value())
			.query(Boolean.class)
			.single()).as("nothing changed yet").isTrue();

		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/cancel", booked).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Therapist leaving\"}"))
			.andExpect(status().isOk());
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", moved).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + this.clinic.inDays(3, 12, 0) + "\", \"therapistId\": \"" + other + "\"}"))
			.andExpect(status().isOk());
		setActive(false).andExpect(status().isNoContent());

		assertThat(this.jdbc.sql("SELECT enabled FROM account WHERE id = ?")
			.param(account.id().value())
			.query(Boolean.class)
			.single()).as("their account is disabled with them").isFalse();
		// Nothing can be moved onto them, and no series booked with them.
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/reschedule", moved).contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\": \"" + this.clinic.inDays(3, 12, 0) + "\", \"therapistId\": \"" + this.therapist
						+ "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("therapist-inactive"));
		this.frontDesk
			.perform(post("/api/v1/series").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"clientId": "%s", "therapistId": "%s", "service": "TREATMENT_60", "start": "%s",
						 "everyWeeks": 1, "count": 3}""".formatted(this.client, this.therapist,
						this.clinic.inDays(5, 10, 0))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("therapist-inactive"));
		this.frontDesk
			.perform(post("/api/v1/admin/invitations").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"back-" + UUID.randomUUID() + "@example.org\", \"role\": \"THERAPIST\", "
						+ "\"therapistId\": \"" + this.therapist + "\"}"))
			.andExpect(status().is4xxClientError());

		// The week of their last session keeps their column for it, without working hours
		// (everyone else here works every day).
		new Pages(this.mvc, this.admin)
			.perform(get("/calendar").param("view", "week").param("date", this.clinic.today().minusDays(7).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("(has left)"), containsString("Not working"))));
	}

	@Test
	void theMovePageOffersTimesForASessionOfAWithdrawnService() throws Exception {
		String booked = this.json
			.readTree(bookAs(this.client, "TREATMENT_90", this.clinic.inDays(3, 10, 0)).andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asString();
		this.clinics.setOffered(this.clinic.clinic().id(), "TREATMENT_90", false);
		new Pages(this.mvc, this.admin)
			.perform(get("/appointments/{id}/move", booked).param("date",
					this.clinic.inDays(4, 0, 0).toLocalDate().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"start\"")));
	}

	@Test
	void theFrontDeskAddsAServiceAndChangesOne_bookedSessionsKeepTheirTimes() throws Exception {
		String booked = book(this.clinic.inDays(3, 10, 0));
		this.frontDesk
			.perform(put("/api/v1/admin/services/{code}", "TREATMENT_60").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Treatment, 75 minutes\", \"durationMinutes\": 75, \"bufferMinutes\": 10}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.durationMinutes").value(75));
		this.frontDesk
			.perform(put("/api/v1/admin/services/{code}", "HOT_STONE_45").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Hot stones\", \"durationMinutes\": 45, \"bufferMinutes\": 15}"))
			.andExpect(status().isOk());
		this.frontDesk.perform(get("/api/v1/admin/services"))
			.andExpect(jsonPath("$[?(@.code == 'HOT_STONE_45')].name").value("Hot stones"));
		assertThat(this.jdbc.sql("SELECT ends_at - starts_at FROM appointment WHERE id = ?::uuid")
			.param(booked)
			.query(String.class)
			.single()).isEqualTo("01:00:00");
		for (String body : new String[] { "{\"name\": \"X\", \"durationMinutes\": 50, \"bufferMinutes\": 10}",
				"{\"name\": \"X\", \"durationMinutes\": 60, \"bufferMinutes\": 121}" }) {
			this.frontDesk
				.perform(put("/api/v1/admin/services/{code}", "TREATMENT_60").contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest());
		}
		this.frontDesk
			.perform(put("/api/v1/admin/services/{code}", "hot-stone").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"X\", \"durationMinutes\": 60, \"bufferMinutes\": 10}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void nonsenseSettingsAreRefusedWithWhatIsWrong() throws Exception {
		for (String body : new String[] {
				"{\"name\": \"X\", \"timeZone\": \"Mars/Olympus\", \"cancellationWindowHours\": 24, \"intakeBeforeTreatment\": true, \"minimumNoticeMinutes\": 120, \"bookingHorizonDays\": 90}",
				// A fixed offset is no zone: no daylight saving, and PostgreSQL would
				// read it
				// with the sign turned round.
				"{\"name\": \"X\", \"timeZone\": \"+05:30\", \"cancellationWindowHours\": 24, \"intakeBeforeTreatment\": true, \"minimumNoticeMinutes\": 120, \"bookingHorizonDays\": 90}",
				"{\"name\": \" \", \"timeZone\": \"Europe/Berlin\", \"cancellationWindowHours\": 24, \"intakeBeforeTreatment\": true, \"minimumNoticeMinutes\": 120, \"bookingHorizonDays\": 90}",
				"{\"name\": \"X\", \"timeZone\": \"Europe/Berlin\", \"cancellationWindowHours\": 337, \"intakeBeforeTreatment\": true, \"minimumNoticeMinutes\": 120, \"bookingHorizonDays\": 90}",
				"{\"name\": \"X\", \"timeZone\": \"Europe/Berlin\", \"cancellationWindowHours\": 24}" }) {
			this.frontDesk.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.clinics.get(this.clinic.clinic().id()).zone().getId()).isEqualTo("Europe/Berlin");
	}

	@Test
	void theClinicSetsItsRemindersNoneOneOrTwo_andNonsenseIsRefusedWithNothingChanged() throws Exception {
		String base = "{\"name\": \"X\", \"timeZone\": \"Europe/Berlin\", \"cancellationWindowHours\": 24, "
				+ "\"intakeBeforeTreatment\": false, \"reminderHoursBefore\": ";
		this.frontDesk
			.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON).content(base + "[3, 72]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminderHoursBefore[0]").value(72))
			.andExpect(jsonPath("$.reminderHoursBefore[1]").value(3));
		assertThat(this.clinics.policies(this.clinic.clinic().id()).reminders()).containsExactly(Duration.ofHours(72),
				Duration.ofHours(3));
		for (String nonsense : new String[] { "[0]", "[169]", "[5, 5]", "[1, 2, 3]", "[\"x\"]", "[null]", "7" }) {
			this.frontDesk
				.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON)
					.content(base + nonsense + "}"))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.clinics.policies(this.clinic.clinic().id()).reminders()).containsExactly(Duration.ofHours(72),
				Duration.ofHours(3));
		// Left out: unchanged.
		this.frontDesk
			.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON)
				.content(base.substring(0, base.lastIndexOf(", \"reminderHoursBefore")) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminderHoursBefore.length()").value(2));
		this.frontDesk
			.perform(put("/api/v1/admin/clinic").contentType(MediaType.APPLICATION_JSON).content(base + "[]}"))
			.andExpect(status().isOk());
		assertThat(this.clinics.policies(this.clinic.clinic().id()).reminders()).isEmpty();

		Pages pages = new Pages(this.mvc, this.admin);
		pages.perform(clinicForm().param("firstReminderHours", "24").param("secondReminderHours", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(this.clinics.policies(this.clinic.clinic().id()).reminders()).containsExactly(Duration.ofHours(24));
		pages.perform(get("/admin/clinic"))
			.andExpect(content()
				.string(allOf(containsString("name=\"firstReminderHours\""), containsString("value=\"24\""))));
		pages.perform(clinicForm().param("firstReminderHours", "500"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reminders: at most 2 different ones")));
		// The database holds the same limits.
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("UPDATE clinic SET reminder_hours_before = '{4,4}' WHERE id = ?")
				.param(this.clinic.clinic().id().value())
				.update())
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	/** The clinic settings form with every field but the reminders filled in. */
	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder clinicForm() {
		return post("/admin/clinic").param("name", "Riverside")
			.param("timeZone", "Europe/Berlin")
			.param("cancellationWindowHours", "24")
			.param("minimumNoticeMinutes", "120")
			.param("bookingHorizonDays", "90");
	}

	@Test
	void aClinicChangedOnAnotherNodeIsReadAgainHere() throws Exception {
		this.clinics.get(this.clinic.clinic().id());
		// Another node's change, committed elsewhere: the database announces it (V29).
		this.jdbc.sql("UPDATE clinic SET name = 'Renamed elsewhere' WHERE id = ?")
			.param(this.clinic.clinic().id().value())
			.update();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!this.clinics.get(this.clinic.clinic().id()).name().equals("Renamed elsewhere")
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.clinics.get(this.clinic.clinic().id()).name()).isEqualTo("Renamed elsewhere");
	}

	@Test
	void newHoursThatLeaveABookedSessionOutsideListItForTheFrontDesk() throws Exception {
		OffsetDateTime evening = this.clinic.inDays(3, 18, 0);
		String booked = book(evening);
		this.frontDesk
			.perform(put("/api/v1/admin/therapists/{id}/hours", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(everyDay("09:00", "12:00"), everyDay("13:00", "17:00"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].appointmentId").value(booked))
			.andExpect(jsonPath("$[0].why").value("outside the therapist's working hours"));
		// It stays booked, and on the work list until moved.
		this.frontDesk.perform(get("/api/v1/admin/dashboard"))
			.andExpect(jsonPath("$.reassign[0].appointmentId").value(booked));
		assertThat(this.jdbc.sql("SELECT status FROM appointment WHERE id = ?::uuid")
			.param(booked)
			.query(String.class)
			.single()).isEqualTo("BOOKED");
		assertThat(this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'HOURS_SET' AND record_id = ?")
			.param(this.therapist.value())
			.query(String.class)
			.single()).startsWith("Mon 09:00–12:00, 13:00–17:00");
	}

	@Test
	void overlappingOrOffGridHoursAreRefusedAndTheOldOnesStay() throws Exception {
		for (String body : new String[] { hours(everyDay("09:00", "12:00"), everyDay("11:00", "13:00")),
				hours(everyDay("09:10", "12:00")),
				"{\"intervals\": [{\"day\": \"MONDAY\", \"starts\": \"12:00\", \"ends\": \"09:00\"}]}" }) {
			this.frontDesk
				.perform(put("/api/v1/admin/therapists/{id}/hours", this.therapist.value())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM working_hours WHERE therapist_id = ?")
			.param(this.therapist.value())
			.query(Long.class)
			.single()).isEqualTo(7);
	}

	@Test
	void timeOffOverABookedSessionListsIt_andCanBeRemoved() throws Exception {
		OffsetDateTime morning = this.clinic.inDays(4, 10, 0);
		String booked = book(morning);
		String added = this.frontDesk
			.perform(post("/api/v1/admin/therapists/{id}/time-off", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\": \"" + morning.minusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
						+ "\", \"to\": \"" + morning.plusHours(3).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
						+ "\", \"reason\": \"Course\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.stranded[0].appointmentId").value(booked))
			.andExpect(jsonPath("$.stranded[0].why").value("in the therapist's time off"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(added).get("id").asString();
		this.frontDesk.perform(delete("/api/v1/admin/therapists/{id}/time-off/{off}", this.therapist.value(), id))
			.andExpect(status().isNoContent());
		this.frontDesk.perform(delete("/api/v1/admin/therapists/{id}/time-off/{off}", this.therapist.value(), id))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("""
				SELECT string_agg(action, ',' ORDER BY id) FROM audit_event
				WHERE record_id = ? AND action LIKE 'TIME_OFF%'""")
			.param(this.therapist.value())
			.query(String.class)
			.single()).isEqualTo("TIME_OFF_ADDED,TIME_OFF_REMOVED");
	}

	@Test
	void anotherClinicsAdminCannotTouchThisClinicsTherapist() throws Exception {
		TestClinic other = this.fixture.open();
		new Api(this.mvc, other.bearer(other.admin()))
			.perform(put("/api/v1/admin/therapists/{id}/hours", this.therapist.value())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(everyDay("09:00", "12:00"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aDisabledAccountIsEnabledAgain_andAStaffRoleChangeEndsTheOldTokens() throws Exception {
		CurrentUser colleague = this.clinic.signedIn(this.therapist);
		String oldToken = this.clinic.bearer(colleague);
		this.frontDesk.perform(post("/api/v1/admin/accounts/{id}/disable", colleague.id().value()))
			.andExpect(status().isNoContent());
		this.frontDesk.perform(post("/api/v1/admin/accounts/{id}/enable", colleague.id().value()))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(
					post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
						.content("{\"email\": \"" + colleague.email() + "\", \"password\": \"" + ClinicFixture.PASSWORD
								+ "\"}"))
			.andExpect(status().isOk());
		String newToken = this.clinic.bearer(colleague);
		this.frontDesk
			.perform(put("/api/v1/admin/accounts/{id}/role", colleague.id().value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\": \"ADMIN\"}"))
			.andExpect(status().isNoContent());
		new Api(this.mvc, newToken).perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
		assertThat(oldToken).isNotNull();
		assertThat(this.jdbc.sql("SELECT role FROM account WHERE id = ?")
			.param(colleague.id().value())
			.query(String.class)
			.single()).isEqualTo("ADMIN");
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE action IN ('ACCOUNT_ENABLED', 'ROLE_CHANGED') AND record_id = ?")
			.param(colleague.id().value())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theAccountsPageDisablesEnablesAndChangesRoles_andSaysWhyNot() throws Exception {
		CurrentUser colleague = this.clinic.signedIn(this.therapist);
		CurrentUser clientAccount = this.clinic.signedIn(this.client);
		Pages pages = new Pages(this.mvc, this.admin);
		pages.perform(get("/admin/accounts"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString(colleague.email()), containsString(clientAccount.email()))));
		pages.perform(post("/admin/accounts/{id}/disable", colleague.id().value()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT enabled FROM account WHERE id = ?")
			.param(colleague.id().value())
			.query(Boolean.class)
			.single()).isFalse();
		pages.perform(post("/admin/accounts/{id}/enable", colleague.id().value()))
			.andExpect(status().is3xxRedirection());
		pages.perform(post("/admin/accounts/{id}/role", clientAccount.id().value()).param("role", "ADMIN"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", containsString("keeps its role")));
		pages.perform(post("/admin/accounts/{id}/role", colleague.id().value()).param("role", "ADMIN"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT role || ' ' || enabled FROM account WHERE id = ?")
			.param(colleague.id().value())
			.query(String.class)
			.single()).isEqualTo("ADMIN true");
	}

	@Test
	void aClientAccountKeepsItsRole_andAnAdminCannotChangeTheirOwn() throws Exception {
		CurrentUser clientAccount = this.clinic.signedIn(this.client);
		this.frontDesk
			.perform(put("/api/v1/admin/accounts/{id}/role", clientAccount.id().value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\": \"ADMIN\"}"))
			.andExpect(status().isUnprocessableContent());
		this.frontDesk
			.perform(put("/api/v1/admin/accounts/{id}/role", this.admin.id().value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\": \"THERAPIST\", \"therapistId\": \"" + this.therapist + "\"}"))
			.andExpect(status().isUnprocessableContent());
		this.frontDesk
			.perform(put("/api/v1/admin/accounts/{id}/role", this.clinic.signedIn(this.therapist).id().value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\": \"THERAPIST\", \"therapistId\": \"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theFrontDeskAddsATherapistAndChangesTheirProfile_audited() throws Exception {
		String added = this.frontDesk
			.perform(post("/api/v1/admin/therapists").contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "Nora Lind", "bio": "Gentle Swedish massage.", "languages": ["sv", "EN"],
					 "yearsTreatingBackPain": 7, "gender": "WOMAN"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(added).get("id").asString();
		this.mvc.perform(get("/api/v1/therapists/{id}", id))
			.andExpect(jsonPath("$.name").value("Nora Lind"))
			.andExpect(jsonPath("$.languages[1]").value("en"));
		this.frontDesk
			.perform(put("/api/v1/admin/therapists/{id}", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Nora Lind-Berg\", \"languages\": [\"sv\"], \"yearsTreatingBackPain\": 8}"))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/therapists/{id}", id)).andExpect(jsonPath("$.name").value("Nora Lind-Berg"));
		for (String body : new String[] {
				"{\"name\": \"X\", \"languages\": [\"english\"], \"yearsTreatingBackPain\": 1}",
				"{\"name\": \"X\", \"yearsTreatingBackPain\": 71}",
				"{\"name\": \" \", \"yearsTreatingBackPain\": 1}" }) {
			this.frontDesk
				.perform(put("/api/v1/admin/therapists/{id}", id).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.jdbc.sql("""
				SELECT string_agg(action, ',' ORDER BY id) FROM audit_event
				WHERE record_id = ?::uuid AND action IN ('CREATED', 'PROFILE_CHANGED')""")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("CREATED,PROFILE_CHANGED");
		TestClinic other = this.fixture.open();
		new Api(this.mvc, other.bearer(other.admin()))
			.perform(put("/api/v1/admin/therapists/{id}", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Taken over\", \"yearsTreatingBackPain\": 1}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePagesSetTheClinicAndAWeekUp_andSayWhatIsWrong() throws Exception {
		Pages pages = new Pages(this.mvc, this.admin);
		pages.perform(get("/admin")).andExpect(content().string(containsString("/admin/clinic")));
		pages.perform(get("/admin/therapists/new")).andExpect(status().isOk());
		pages
			.perform(
					post("/admin/therapists/new").param("name", "Ida").param("years", "2").param("languages", "de, en"))
			.andExpect(status().is3xxRedirection());
		pages.perform(
				post("/admin/therapists/new").param("name", "Ida").param("years", "2").param("languages", "deutsch"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("two-letter codes")));
		pages
			.perform(post("/admin/clinic").param("name", "Riverside")
				.param("timeZone", "Nowhere/Land")
				.param("cancellationWindowHours", "24")
				.param("minimumNoticeMinutes", "120")
				.param("bookingHorizonDays", "90"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a time zone")));
		String booked = book(this.clinic.inDays(3, 18, 0));
		pages.perform(post("/admin/therapists/{id}/hours", this.therapist.value()).param("MONDAY", "9-12"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a stretch of time")));
		java.util.Map<String, String> week = new java.util.LinkedHashMap<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			week.put(day.name(), "09:00-12:00, 13:00-17:00");
		}
		var request = post("/admin/therapists/{id}/hours", this.therapist.value());
		week.forEach(request::param);
		pages.perform(request).andExpect(status().is3xxRedirection());
		pages.perform(get("/admin/therapists/{id}/schedule", this.therapist.value()))
			.andExpect(content().string(allOf(containsString("Booked sessions that no longer fit"),
					containsString("/appointments/" + booked + "/move"), containsString("09:00-12:00, 13:00-17:00"))));
	}

	private ResultActions offer(String service, boolean offered) throws Exception {
		return this.frontDesk
			.perform(put("/api/v1/admin/services/{code}/offered", service).contentType(MediaType.APPLICATION_JSON)
				.content("{\"offered\": " + offered + "}"));
	}

	private ResultActions setActive(boolean active) throws Exception {
		return this.frontDesk.perform(put("/api/v1/admin/therapists/{id}/active", this.therapist.value())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"active\": " + active + "}"));
	}

	private ResultActions bookAs(ClientId who, String service, OffsetDateTime start) throws Exception {
		return this.frontDesk.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
			.content(BookingApiTestBodies.body(who, this.therapist, service, start)));
	}

	private String book(OffsetDateTime start) throws Exception {
		String body = this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, start)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body).get("id").asString();
	}

	private static String settings(int noticeMinutes, int horizonDays) {
		return "{\"name\": \"Riverside\", \"timeZone\": \"Europe/Berlin\", \"cancellationWindowHours\": 24, "
				+ "\"intakeBeforeTreatment\": false, \"minimumNoticeMinutes\": " + noticeMinutes
				+ ", \"bookingHorizonDays\": " + horizonDays + "}";
	}

	/** An hours body of these intervals. */
	private static String hours(String... intervals) {
		return "{\"intervals\": [" + String.join(", ", intervals) + "]}";
	}

	/** The same interval on every day of the week. */
	private static String everyDay(String starts, String ends) {
		return java.util.Arrays.stream(java.time.DayOfWeek.values())
			.map(day -> "{\"day\": \"" + day + "\", \"starts\": \"" + starts + "\", \"ends\": \"" + ends + "\"}")
			.collect(java.util.stream.Collectors.joining(", "));
	}

}
