package org.backcare.booking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Regular sessions through the API: every session checked, conflicts listed with
 * alternatives and nothing booked until the caller says what to do, all sessions in one
 * transaction, "this and following", a race of two series, and one Idempotency-Key for a
 * whole series.
 */
@IntegrationTest
class SeriesApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	Api frontDesk;

	OffsetDateTime first;

	@BeforeEach
	void aTherapistAndAClient() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.frontDesk = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		this.first = this.clinic.inDays(3, 10, 0);
	}

	@Test
	void aWeeklySeriesOfSixIsBookedAsSixAppointmentsOfOneSeries() throws Exception {
		JsonNode series = read(book(this.frontDesk, this.client, "").andExpect(status().isCreated()));
		assertThat(series.get("rrule").asString()).isEqualTo("FREQ=WEEKLY;INTERVAL=1;COUNT=6");
		assertThat(series.get("sessions")).hasSize(6);
		assertThat(this.jdbc.sql("SELECT count(*) FROM appointment WHERE series_id = ?::uuid AND status = 'BOOKED'")
			.param(series.get("id").asString())
			.query(Long.class)
			.single()).isEqualTo(6);
		for (JsonNode session : series.get("sessions")) {
			assertThat(OffsetDateTime.parse(session.get("start").asString()).toLocalTime())
				.isEqualTo(this.first.toLocalTime());
		}
	}

	@Test
	void everySessionIsChecked_aConflictIsListedWithAlternativesAndNothingIsBooked() throws Exception {
		OffsetDateTime fourth = this.first.plusWeeks(3);
		this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.clinic.client(), this.therapist, fourth)))
			.andExpect(status().isCreated());
		this.frontDesk
			.perform(
					post("/api/v1/series/check").contentType(MediaType.APPLICATION_JSON).content(body(this.client, "")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resolved").value(false))
			.andExpect(jsonPath("$.sessions[3].choice").value("CONFLICT"))
			.andExpect(jsonPath("$.sessions[3].rule").value("slot-taken"))
			.andExpect(jsonPath("$.sessions[3].alternatives", hasSize(3)));
		book(this.frontDesk, this.client, "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:series-conflicts"))
			.andExpect(jsonPath("$.conflicts", hasSize(1)))
			.andExpect(jsonPath("$.conflicts[0].date").value(fourth.toLocalDate().toString()))
			.andExpect(jsonPath("$.conflicts[0].alternatives[0]").value(containsString("T")));
		assertThat(appointmentsOf(this.client)).isZero();

		// Without the conflicting one: five booked.
		book(this.frontDesk, this.client, ", \"skip\": [\"" + fourth.toLocalDate() + "\"]")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sessions[3].choice").value("SKIP"));
		assertThat(appointmentsOf(this.client)).isEqualTo(5);
	}

	@Test
	void aConflictReplacedByItsAlternativeIsBookedThere() throws Exception {
		OffsetDateTime fourth = this.first.plusWeeks(3);
		this.frontDesk
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.clinic.client(), this.therapist, fourth)))
			.andExpect(status().isCreated());
		JsonNode plan = read(this.frontDesk.perform(
				post("/api/v1/series/check").contentType(MediaType.APPLICATION_JSON).content(body(this.client, ""))));
		String alternative = plan.get("sessions").get(3).get("alternatives").get(0).asString();
		book(this.frontDesk, this.client,
				", \"replace\": [{\"date\": \"" + fourth.toLocalDate() + "\", \"start\": \"" + alternative + "\"}]")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sessions[3].choice").value("ALTERNATIVE"))
			.andExpect(jsonPath("$.sessions[3].start").value(alternative));
		assertThat(appointmentsOf(this.client)).isEqualTo(6);
	}

	@Test
	void thisAndFollowingCancelsFromTheFourth_andMovesFromTheSecondToElevenKeepingTheFirst() throws Exception {
		JsonNode series = read(book(this.frontDesk, this.client, "").andExpect(status().isCreated()));
		List<String> ids = new ArrayList<>();
		series.get("sessions").forEach(session -> ids.add(session.get("appointmentId").asString()));
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/series/cancel", ids.get(3)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"scope\": \"FOLLOWING\", \"reason\": \"Moving away\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].status").value("CANCELLED"));
		String eleven = this.first.plusWeeks(1).withHour(11).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		this.frontDesk
			.perform(post("/api/v1/appointments/{id}/series/move", ids.get(1)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"scope\": \"FOLLOWING\", \"start\": \"" + eleven + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].start").value(containsString("T11:00")))
			.andExpect(jsonPath("$[1].start").value(containsString("T11:00")));
		assertThat(this.jdbc.sql("""
				SELECT string_agg(to_char(starts_at AT TIME ZONE 'Europe/Berlin', 'HH24:MI') || ' ' || status, ','
				                  ORDER BY starts_at)
				FROM appointment WHERE series_id = ?::uuid""")
			.param(series.get("id").asString())
			.query(String.class)
			.single())
			.isEqualTo("10:00 BOOKED,11:00 BOOKED,11:00 BOOKED,10:00 CANCELLED,10:00 CANCELLED,10:00 CANCELLED");
	}

	@Test
	void twoSeriesRacingForTheSameSlots_oneWinsEachSlotAndNothingOverlaps() throws Exception {
		ClientId other = this.clinic.client();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (ClientId who : List.of(this.client, other)) {
			Callable<Integer> race = () -> {
				go.await();
				return book(this.frontDesk, who, "").andReturn().getResponse().getStatus();
			};
			answers.add(pool.submit(race));
		}
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		assertThat(appointmentsOf(this.client) + appointmentsOf(other)).isEqualTo(6);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM appointment a JOIN appointment b ON a.therapist_id = b.therapist_id AND a.id < b.id
				AND a.status = 'BOOKED' AND b.status = 'BOOKED'
				AND tstzrange(a.starts_at, a.blocked_until) && tstzrange(b.starts_at, b.blocked_until)
				WHERE a.therapist_id = ?""").param(this.therapist.value()).query(Long.class).single()).isZero();
	}

	@Test
	void oneIdempotencyKeyCoversTheWholeSeries() throws Exception {
		String key = UUID.randomUUID().toString();
		JsonNode firstAnswer = read(this.frontDesk
			.perform(post("/api/v1/series").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(this.client, "")))
			.andExpect(status().isCreated()));
		JsonNode again = read(this.frontDesk
			.perform(post("/api/v1/series").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(this.client, "")))
			.andExpect(status().isCreated()));
		assertThat(again.get("id").asString()).isEqualTo(firstAnswer.get("id").asString());
		assertThat(appointmentsOf(this.client)).isEqualTo(6);
		this.frontDesk
			.perform(post("/api/v1/series").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(this.client, ", \"skip\": [\"" + this.first.toLocalDate() + "\"]")))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void anAlternativeFarFromItsSessionOrAFirstSessionBeyondTheHorizonIsRefused() throws Exception {
		book(this.frontDesk, this.client,
				", \"replace\": [{\"date\": \"" + this.first.plusWeeks(1).toLocalDate() + "\", \"start\": \""
						+ this.first.plusWeeks(8).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\"}]")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("can move at most 3 days")));
		this.frontDesk
			.perform(post("/api/v1/series").contentType(MediaType.APPLICATION_JSON)
				.content(body(this.client, "").replace(this.first.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
						this.first.plusYears(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("beyond-horizon"));
		assertThat(appointmentsOf(this.client)).isZero();
	}

	@Test
	void aClientBooksTheirOwnSeries_notSomeoneElses_andATherapistBooksNone() throws Exception {
		Api asClient = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.client)));
		book(asClient, this.client, "").andExpect(status().isCreated());
		book(asClient, this.clinic.client(), "").andExpect(status().isForbidden());
		book(new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.therapist))), this.clinic.client(), "")
			.andExpect(status().isForbidden());
	}

	private ResultActions book(Api caller, ClientId who, String extra) throws Exception {
		return caller.perform(post("/api/v1/series").contentType(MediaType.APPLICATION_JSON).content(body(who, extra)));
	}

	private String body(ClientId who, String extra) {
		return """
				{"clientId": "%s", "therapistId": "%s", "service": "TREATMENT_60", "start": "%s",
				 "everyWeeks": 1, "count": 6%s}""".formatted(who, this.therapist,
				this.first.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), extra);
	}

	private long appointmentsOf(ClientId who) {
		return this.jdbc.sql("SELECT count(*) FROM appointment WHERE client_id = ? AND status = 'BOOKED'")
			.param(who.value())
			.query(Long.class)
			.single();
	}

	private JsonNode read(ResultActions answer) throws Exception {
		return this.json.readTree(answer.andReturn().getResponse().getContentAsString());
	}

}
