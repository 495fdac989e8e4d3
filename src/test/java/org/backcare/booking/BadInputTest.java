package org.backcare.booking;

import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Malformed, missing, out-of-range and hostile input: always a 4xx problem document that
 * says what is wrong, never a 500, and never a row written.
 */
@IntegrationTest
class BadInputTest {

	@Autowired
	MockMvc mvc;

	Api api;

	@Autowired
	ClinicFixture fixture;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.api = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void malformedJsonSaysWhereItBroke() throws Exception {
		postBody("{\"clientId\": ").andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("not valid JSON")));
	}

	@Test
	void anEmptyBodyIsRefused() throws Exception {
		postBody("").andExpect(problem(400));
	}

	@Test
	void missingFieldsAreListed() throws Exception {
		postBody("{}").andExpect(problem(400))
			.andExpect(jsonPath("$.errors[*].field",
					Matchers.containsInAnyOrder("clientId", "therapistId", "service", "start")));
	}

	@Test
	void aWrongTypeNamesTheFieldAndTheExpectedFormat() throws Exception {
		postBody(body("\"start\": true")).andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("start")));
		postBody(body("\"start\": \"next tuesday\"")).andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("ISO-8601")));
		postBody(body("\"start\": \"" + this.clinic.inDays(5, 10, 0) + "\", \"technique\": \"ACUPUNCTURE\""))
			.andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("SWEDISH")));
	}

	@Test
	void aStartWithoutOffsetIsRefusedBecauseItIsAmbiguous() throws Exception {
		postBody(body("\"start\": \"" + this.clinic.today().plusDays(5) + "T10:00:00\"")).andExpect(problem(400));
	}

	@Test
	void unknownIdsAreNotFound() throws Exception {
		postBody(BookingApiTest.body(this.client, new TherapistId(UUID.randomUUID()), "TREATMENT_60",
				this.clinic.inDays(5, 10, 0), null))
			.andExpect(problem(404));
		postBody(BookingApiTest.body(new ClientId(UUID.randomUUID()), this.therapist, "TREATMENT_60",
				this.clinic.inDays(5, 10, 0), null))
			.andExpect(problem(404));
		this.api.perform(get("/api/v1/appointments/{id}", UUID.randomUUID())).andExpect(problem(404));
		this.api.perform(get("/api/v1/therapists/{id}", UUID.randomUUID())).andExpect(problem(404));
		this.api
			.perform(post("/api/v1/appointments/{id}/cancel", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"x\"}"))
			.andExpect(problem(404));
	}

	@Test
	void anIdThatIsNotAUuidIsABadRequest() throws Exception {
		this.api.perform(get("/api/v1/appointments/42"))
			.andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("UUID")));
	}

	@Test
	void anUnknownServiceIsRefusedWithTheOfferedOnes() throws Exception {
		postBody(BookingApiTest.body(this.client, this.therapist, "HOT_STONES", this.clinic.inDays(5, 10, 0), null))
			.andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("TREATMENT_60")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "'; DROP TABLE appointment; --", "TREATMENT_60' OR '1'='1", "<script>alert(1)</script>" })
	void injectionStringsAreJustWrongValues(String hostile) throws Exception {
		postBody(BookingApiTest.body(this.client, this.therapist, hostile.replace("\"", ""),
				this.clinic.inDays(5, 10, 0), null))
			.andExpect(problem(400));
		this.api
			.perform(get("/api/v1/therapists/{id}/availability", this.therapist.value()).param("service", hostile)
				.param("from", this.clinic.today().toString()))
			.andExpect(problem(400));
		// A slash in the value makes it another path (404); anything else is not a UUID
		// (400).
		this.api.perform(get("/api/v1/appointments/{id}", hostile))
			.andExpect(problem(hostile.contains("/") ? 404 : 400));
	}

	@Test
	void aHostileCancellationReasonIsStoredAsPlainText() throws Exception {
		String location = postBody(
				BookingApiTest.body(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 0), null))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String hostile = "'); DELETE FROM appointment; --";
		this.api
			.perform(post(location + "/cancel").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"" + hostile + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cancellationReason").value(hostile));
		assertThat(this.clinic.appointmentCount()).isEqualTo(1);
	}

	@Test
	void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
		String huge = body(
				"\"start\": \"" + this.clinic.inDays(5, 10, 0) + "\", \"padding\": \"" + "x".repeat(70_000) + "\"");
		postBody(huge).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aTooLongCancellationReasonIsRefused() throws Exception {
		String location = postBody(
				BookingApiTest.body(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 11, 0), null))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.api
			.perform(post(location + "/cancel").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"" + "x".repeat(501) + "\"}"))
			.andExpect(problem(400))
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.api.perform(get(location)).andExpect(jsonPath("$.status").value("BOOKED"));
	}

	@Test
	void anAvailabilityRangeThatEndsBeforeItStartsIsRefused() throws Exception {
		availability(this.clinic.today().plusDays(5).toString(), this.clinic.today().toString()).andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("ends")));
	}

	@Test
	void anAvailabilityRangeOfYearsIsRefused() throws Exception {
		availability(this.clinic.today().toString(), this.clinic.today().plusYears(3).toString())
			.andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("92 days")));
	}

	@Test
	void datesAtTheEdgeOfTheCalendarAreRefusedNotOverflowed() throws Exception {
		availability("+999999999-12-30", "+999999999-12-31").andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("between")));
		availability("-999999999-01-01", "-999999999-01-02").andExpect(problem(400));
		postBody(body("\"start\": \"+999999999-12-31T23:59:59+01:00\"")).andExpect(problem(422))
			.andExpect(jsonPath("$.rule").value("beyond-horizon"));
		postBody(body("\"start\": \"0001-01-01T00:00:00+01:00\"")).andExpect(problem(422))
			.andExpect(jsonPath("$.rule").value("too-soon"));
		// Earlier than any instant Java can hold: unreadable, so a 400 that names the
		// field.
		postBody(body("\"start\": \"-999999999-01-01T00:00:00+01:00\"")).andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("start")));
	}

	@Test
	void aStartAtTheEndOfTheCalendarWithoutAnEndIsRefusedNotOverflowed() throws Exception {
		this.api
			.perform(
					get("/api/v1/therapists/{id}/availability", this.therapist.value()).param("service", "TREATMENT_60")
						.param("from", "+999999999-12-31"))
			.andExpect(problem(400));
		this.api.perform(get("/api/v1/availability").param("service", "TREATMENT_60").param("from", "+999999999-12-31"))
			.andExpect(problem(400));
	}

	@Test
	void aDateThatIsNotADateIsRefused() throws Exception {
		availability("2026-02-30", "2026-03-01").andExpect(problem(400));
		availability("yesterday", "2026-03-01").andExpect(problem(400));
	}

	@Test
	void outOfRangeLimitsAreRefused() throws Exception {
		this.api.perform(get("/api/v1/availability").param("service", "TREATMENT_60").param("limit", "0"))
			.andExpect(problem(400));
		this.api.perform(get("/api/v1/availability").param("service", "TREATMENT_60").param("limit", "100000"))
			.andExpect(problem(400));
	}

	@Test
	void aMissingRequiredParameterIsNamed() throws Exception {
		this.api.perform(get("/api/v1/therapists/{id}/availability", this.therapist.value()))
			.andExpect(problem(400))
			.andExpect(jsonPath("$.detail", containsString("service")));
	}

	@Test
	void theWrongContentTypeIsRefused() throws Exception {
		this.api.perform(post("/api/v1/appointments").contentType(MediaType.TEXT_PLAIN).content("book me"))
			.andExpect(problem(415));
	}

	@Test
	void anIdempotencyKeyThatIsTooLongIsRefused() throws Exception {
		this.api
			.perform(post("/api/v1/appointments").header("Idempotency-Key", "k".repeat(300))
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.body(this.client, this.therapist, "TREATMENT_60", this.clinic.inDays(5, 10, 0),
						null)))
			.andExpect(problem(400));
	}

	@Test
	void nothingIsWrittenByAnyRefusedRequest() throws Exception {
		malformedJsonSaysWhereItBroke();
		missingFieldsAreListed();
		aWrongTypeNamesTheFieldAndTheExpectedFormat();
		anUnknownServiceIsRefusedWithTheOfferedOnes();
		anOversizedBodyIsRefusedBeforeItIsRead();
		anIdempotencyKeyThatIsTooLongIsRefused();
		assertThat(this.clinic.appointmentCount()).isZero();
	}

	private ResultActions availability(String from, String to) throws Exception {
		return this.api.perform(
				get("/api/v1/therapists/{id}/availability", this.therapist.value()).param("service", "TREATMENT_60")
					.param("from", from)
					.param("to", to));
	}

	private String body(String startMember) {
		return "{\"clientId\": \"" + this.client + "\", \"therapistId\": \"" + this.therapist
				+ "\", \"service\": \"TREATMENT_60\", " + startMember + "}";
	}

	private ResultActions postBody(String body) throws Exception {
		return this.api.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static ResultMatcher problem(int status) {
		ResultMatcher[] all = { status().is(status),
				content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
				jsonPath("$.status").value(status), jsonPath("$.detail").isNotEmpty() };
		return result -> {
			for (ResultMatcher matcher : all) {
				matcher.match(result);
			}
		};
	}

}
