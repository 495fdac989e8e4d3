package org.backcare.booking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.client.ClientId;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class BookingApiTest {

	@Autowired
	MockMvc mvc;

	Api api;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Therapists therapists;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist(Technique.SWEDISH, Technique.DEEP_TISSUE);
		this.client = this.clinic.client();
		this.api = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void booksAFreeSlotAndShowsItInTheClinicsOffset() throws Exception {
		OffsetDateTime start = this.clinic.inDays(5, 10, 0);
		String id = book(this.client, this.therapist, "TREATMENT_60", start, "DEEP_TISSUE")
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.status").value("BOOKED"))
			.andExpect(jsonPath("$.start").value(isoSeconds(start)))
			.andExpect(jsonPath("$.technique").value("DEEP_TISSUE"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.api.perform(get(id)).andExpect(status().isOk()).andExpect(jsonPath("$.service").value("TREATMENT_60"));
	}

	@Test
	void refusesTheSameSlotTwiceWithAConflict() throws Exception {
		OffsetDateTime start = this.clinic.inDays(5, 10, 0);
		book(this.client, this.therapist, "TREATMENT_60", start, null).andExpect(status().isCreated());
		book(this.clinic.client(), this.therapist, "TREATMENT_60", start, null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:slot-taken"));
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void theBufferAfterASessionBlocksTheNextStart() throws Exception {
		book(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 0), null)
			.andExpect(status().isCreated());
		// 10:00–11:00 plus a 15-minute buffer: 11:00 is taken, 11:15 is free.
		book(this.clinic.client(), this.therapist, "TREATMENT_60", this.clinic.inDays(5, 11, 0), null)
			.andExpect(status().isConflict());
		book(this.clinic.client(), this.therapist, "TREATMENT_60", this.clinic.inDays(5, 11, 15), null)
			.andExpect(status().isCreated());
	}

	@Test
	void aClientCannotBeInTwoSessionsAtOnce() throws Exception {
		TherapistId other = this.clinic.therapist();
		book(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 0), null)
			.andExpect(status().isCreated());
		book(this.client, other, "TREATMENT_60", this.clinic.inDays(5, 10, 30), null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:client-double-booked"));
	}

	@Test
	void cancellingFreesTheSlotForSomeoneElse() throws Exception {
		OffsetDateTime start = this.clinic.inDays(6, 9, 0);
		String location = book(this.client, this.therapist, "TREATMENT_60", start, null).andReturn()
			.getResponse()
			.getHeader("Location");
		this.api.perform(post(location + "/cancel").contentType(MediaType.APPLICATION_JSON).content("""
				{"reason": "Feeling better"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancellationReason").value("Feeling better"));
		availability(start).andExpect(jsonPath("$.slots[*].start", hasItem(isoSeconds(start))));
		book(this.clinic.client(), this.therapist, "TREATMENT_60", start, null).andExpect(status().isCreated());
	}

	@Test
	void cancellingTwiceIsAConflictAndChangesNothing() throws Exception {
		String location = book(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(6, 9, 0), null)
			.andReturn()
			.getResponse()
			.getHeader("Location");
		cancel(location, "first").andExpect(status().isOk());
		cancel(location, "second").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:appointment-not-active"));
		this.api.perform(get(location)).andExpect(jsonPath("$.cancellationReason").value("first"));
	}

	@Test
	void rescheduleTakesTheNewSlotAndFreesTheOldOne() throws Exception {
		OffsetDateTime old = this.clinic.inDays(7, 9, 0);
		OffsetDateTime moved = this.clinic.inDays(7, 14, 0);
		String location = book(this.client, this.therapist, "TREATMENT_60", old, null).andReturn()
			.getResponse()
			.getHeader("Location");
		reschedule(location, moved).andExpect(status().isOk())
			.andExpect(jsonPath("$.start").value(isoSeconds(moved)))
			.andExpect(jsonPath("$.status").value("BOOKED"));
		availability(old).andExpect(jsonPath("$.slots[*].start", hasItem(isoSeconds(old))))
			.andExpect(jsonPath("$.slots[*].start", not(hasItem(isoSeconds(moved)))));
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void rescheduleCanOverlapTheAppointmentsOwnOldTime() throws Exception {
		String location = book(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(7, 9, 0), null)
			.andReturn()
			.getResponse()
			.getHeader("Location");
		reschedule(location, this.clinic.inDays(7, 9, 30)).andExpect(status().isOk());
	}

	@Test
	void rescheduleIntoATakenSlotChangesNothing() throws Exception {
		OffsetDateTime mine = this.clinic.inDays(7, 9, 0);
		OffsetDateTime theirs = this.clinic.inDays(7, 13, 0);
		String location = book(this.client, this.therapist, "TREATMENT_60", mine, null).andReturn()
			.getResponse()
			.getHeader("Location");
		book(this.clinic.client(), this.therapist, "TREATMENT_60", theirs, null).andExpect(status().isCreated());
		reschedule(location, theirs).andExpect(status().isConflict());
		this.api.perform(get(location))
			.andExpect(jsonPath("$.start").value(isoSeconds(mine)))
			.andExpect(jsonPath("$.status").value("BOOKED"));
		availability(mine).andExpect(jsonPath("$.slots[*].start", not(hasItem(isoSeconds(mine)))));
	}

	@Test
	void rescheduleIsRefusedByTheSameRulesAsBooking() throws Exception {
		String location = book(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(7, 9, 0), null)
			.andReturn()
			.getResponse()
			.getHeader("Location");
		reschedule(location, this.clinic.inDays(7, 19, 30)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("outside-working-hours"));
	}

	@Test
	void aCancelledAppointmentCannotBeRescheduled() throws Exception {
		String location = book(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(7, 9, 0), null)
			.andReturn()
			.getResponse()
			.getHeader("Location");
		cancel(location, "Ill").andExpect(status().isOk());
		reschedule(location, this.clinic.inDays(7, 12, 0)).andExpect(status().isConflict());
	}

	@Test
	void refusesOutsideWorkingHours() throws Exception {
		refused(this.therapist, "TREATMENT_60", this.clinic.inDays(5, 7, 0), null, "outside-working-hours");
		// 19:00 + 60 minutes ends exactly at closing: allowed. 19:15 would end after it.
		book(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 19, 0), null)
			.andExpect(status().isCreated());
		refused(this.therapist, "TREATMENT_60", this.clinic.inDays(6, 19, 15), null, "outside-working-hours");
	}

	@Test
	void refusesDuringTimeOff() throws Exception {
		OffsetDateTime start = this.clinic.inDays(5, 12, 0);
		this.therapists.addTimeOff(this.therapist, new TimeRange(start.toInstant(), start.plusHours(2).toInstant()),
				"Dentist");
		refused(this.therapist, "TREATMENT_60", start.plusMinutes(30), null, "therapist-time-off");
		book(this.client, this.therapist, "TREATMENT_60", start.minusHours(1), null).andExpect(status().isCreated());
	}

	@Test
	void refusesWhenTheLicenceIsNotValidThatDay() throws Exception {
		TherapistId lapsing = this.clinic.therapist(new Licence("Berlin", "L-" + UUID.randomUUID(),
				this.clinic.today().minusYears(1), this.clinic.today().plusDays(5)));
		book(this.client, lapsing, "TREATMENT_60", this.clinic.inDays(5, 10, 0), null).andExpect(status().isCreated());
		refused(lapsing, "TREATMENT_60", this.clinic.inDays(6, 10, 0), null, "licence-not-valid");
	}

	@Test
	void refusesATechniqueTheTherapistIsNotCertifiedIn() throws Exception {
		refused(this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 0), "TRIGGER_POINT",
				"technique-not-certified");
	}

	@Test
	void refusesTooSoonAndBeyondTheHorizon() throws Exception {
		refused(this.therapist, "TREATMENT_60",
				OffsetDateTime.now(ClinicFixture.BERLIN).plusMinutes(90).withMinute(0).withSecond(0).withNano(0), null,
				"too-soon");
		refused(this.therapist, "TREATMENT_60", this.clinic.inDays(92, 10, 0), null, "beyond-horizon");
	}

	@Test
	void refusesAStartOffTheQuarterHour() throws Exception {
		refused(this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 7), null, "off-grid");
	}

	@Test
	void anAppointmentThatHasStartedCanNeitherBeCancelledNorMoved() throws Exception {
		// Written straight to the table: no API books in the past, but yesterday's
		// bookings exist.
		UUID id = UUID.randomUUID();
		OffsetDateTime started = OffsetDateTime.now(ClinicFixture.BERLIN).minusMinutes(30).withSecond(0).withNano(0);
		this.jdbc
			.sql("""
					INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
					VALUES (?, ?, ?, ?, 'TREATMENT_60', ?, ?, ?)""")
			.params(this.clinic.clinic().id().value(), id, this.therapist.value(), this.client.value(), started,
					started.plusMinutes(60), started.plusMinutes(75))
			.update();
		cancel("/api/v1/appointments/" + id, "Too late").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("already-started"));
		reschedule("/api/v1/appointments/" + id, this.clinic.inDays(5, 10, 0))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("already-started"));
		this.api.perform(get("/api/v1/appointments/{id}", id)).andExpect(jsonPath("$.status").value("BOOKED"));
	}

	@Test
	void aClientOfAnotherClinicCannotBookHere() throws Exception {
		TestClinic other = this.fixture.open();
		ClientId stranger = other.client();
		Api asStranger = new Api(this.mvc, other.bearer(other.signedIn(stranger)));
		asStranger
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(body(stranger, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 0), null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("different-clinic"));
		// This clinic's front desk does not even learn that the stranger exists.
		book(stranger, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 0), null)
			.andExpect(status().isNotFound());
	}

	@Test
	void aRetriedRequestWithTheSameKeyReturnsTheFirstAppointment() throws Exception {
		OffsetDateTime start = this.clinic.inDays(8, 10, 0);
		String key = UUID.randomUUID().toString();
		String first = bookWithKey(key, start).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String second = bookWithKey(key, start).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(second).isEqualTo(first);
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void aKeyReusedForADifferentRequestIsRefused() throws Exception {
		String key = UUID.randomUUID().toString();
		bookWithKey(key, this.clinic.inDays(8, 10, 0)).andExpect(status().isCreated());
		bookWithKey(key, this.clinic.inDays(8, 12, 0)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:idempotency-key-reused"));
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void aRefusedAttemptLeavesTheKeyFreeForARetry() throws Exception {
		OffsetDateTime start = this.clinic.inDays(8, 10, 0);
		book(this.clinic.client(), this.therapist, "TREATMENT_60", start, null).andExpect(status().isCreated());
		String key = UUID.randomUUID().toString();
		bookWithKey(key, start).andExpect(status().isConflict());
		bookWithKey(key, start).andExpect(status().isConflict());
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void firstFreeSlotsAcrossTherapistsOnlyIncludeThoseCertifiedInTheTechnique() throws Exception {
		TherapistId trigger = this.clinic.therapist(Technique.TRIGGER_POINT);
		this.mvc
			.perform(get("/api/v1/availability").param("clinic", this.clinic.clinic().id().toString())
				.param("service", "TREATMENT_60")
				.param("technique", "TRIGGER_POINT")
				.param("from", this.clinic.today().plusDays(3).toString())
				.param("limit", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slots.length()").value(5))
			.andExpect(jsonPath("$.slots[*].therapistId", not(hasItem(this.therapist.toString()))))
			.andExpect(jsonPath("$.slots[0].therapistId").value(trigger.toString()))
			.andExpect(jsonPath("$.slots[0].start").value(isoSeconds(this.clinic.inDays(3, 8, 0))));
	}

	private ResultActions availability(OffsetDateTime day) throws Exception {
		return this.api
			.perform(
					get("/api/v1/therapists/{id}/availability", this.therapist.value()).param("service", "TREATMENT_60")
						.param("from", day.toLocalDate().toString())
						.param("to", day.toLocalDate().toString()))
			.andExpect(status().isOk());
	}

	private void refused(TherapistId therapist, String service, OffsetDateTime start, String technique, String rule)
			throws Exception {
		long before = this.clinic.appointmentCount();
		book(this.clinic.client(), therapist, service, start, technique).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:booking-refused"))
			.andExpect(jsonPath("$.rule").value(rule));
		assertThat(this.clinic.appointmentCount()).isEqualTo(before);
	}

	private ResultActions bookWithKey(String key, OffsetDateTime start) throws Exception {
		return this.api.perform(post("/api/v1/appointments").header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(this.client, this.therapist, "TREATMENT_60", start, null)));
	}

	ResultActions book(ClientId client, TherapistId therapist, String service, OffsetDateTime start, String technique)
			throws Exception {
		return this.api.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
			.content(body(client, therapist, service, start, technique)));
	}

	private ResultActions cancel(String location, String reason) throws Exception {
		return this.api.perform(post(location + "/cancel").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"" + reason + "\"}"));
	}

	private ResultActions reschedule(String location, OffsetDateTime start) throws Exception {
		return this.api.perform(post(location + "/reschedule").contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\": \"" + start + "\"}"));
	}

	static String body(ClientId client, TherapistId therapist, String service, OffsetDateTime start, String technique) {
		return """
				{"clientId": "%s", "therapistId": "%s", "service": "%s", "start": "%s"%s}""".formatted(client,
				therapist, service, isoSeconds(start),
				(technique != null) ? ", \"technique\": \"" + technique + "\"" : "");
	}

	/** How Jackson writes an OffsetDateTime: always with seconds. */
	static String isoSeconds(OffsetDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
