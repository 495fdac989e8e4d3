package org.backcare;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.backcare.ClinicFixture.TestClinic;
import org.backcare.account.CurrentUser;
import org.backcare.assessment.Examples;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hundreds of generated malformed and hostile requests across every JSON endpoint: wrong
 * types, missing and null fields, huge numbers and strings, impossible dates, injection
 * strings, unknown ids, broken JSON, wrong content types. Each must get a 4xx problem
 * document, and together they must not change a single business row. (The audit log and
 * the sign-in throttle do change: refused attempts are exactly what they record.)
 */
@IntegrationTest
class BadInputSweepTest {

	/** Values that are wrong for any field that expects something else. */
	static final List<String> HOSTILE = List.of("null", "12345", "-1", "1e309", "99999999999999999999999", "true", "[]",
			"{}", "\"\"", "\"   \"", "\"" + "x".repeat(10_000) + "\"", "\"' OR '1'='1' --\"",
			"\"'; DROP TABLE appointment; --\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"\\u0000\"",
			"\"2026-13-45T25:61:00+01:00\"", "\"+999999999-12-31T23:59:59Z\"", "\"yesterday\"",
			"\"00000000-0000-0000-0000-000000000000\"", "\"" + UUID.randomUUID() + "\"",
			// Header injection: a line break and a header of its own.
			"\"someone@example.org\\r\\nBcc: everyone@example.org\"");

	/** Whole bodies that are not the JSON document any endpoint wants. */
	static final List<String> BROKEN_BODIES = List.of("", "{", "}", "[]", "null", "\"text\"", "{\"a\":}",
			"{'single': 1}", "{\"x\": 1} trailing", "<xml/>", "\u0000\u0001\u0002");

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	/**
	 * @param freeText fields where any string within the size limit is legitimate input
	 * (a name may well contain an apostrophe); only wrong types and oversized values are
	 * hostile there
	 */
	record Endpoint(HttpMethod method, String path, Map<String, String> body, List<String> required, String bearer,
			List<String> freeText) {

		Endpoint(HttpMethod method, String path, Map<String, String> body, List<String> required, String bearer) {
			this(method, path, body, required, bearer, List.of());
		}

	}

	@Test
	void everyMalformedOrHostileRequestGetsA4xxProblemAndChangesNothing() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		ClientId client = clinic.client();
		CurrentUser admin = clinic.admin();
		String asAdmin = clinic.bearer(admin);
		String asClient = clinic.bearer(clinic.signedIn(client));
		UUID appointment = existingAppointment(clinic, therapist, client, asAdmin);
		String start = "\"" + clinic.inDays(6, 10, 0) + "\"";
		ObjectNode intake = this.json.valueToTree(Examples.officeWorker().yes("historyOfCancer").answers());
		UUID intakeId = existingIntake(client, asClient, intake.toString());
		String asTherapist = clinic.bearer(clinic.signedIn(therapist));
		homePlan(admin, client);
		UUID review = existingReview(clinic, therapist, client, asClient);
		UUID heldSession = clinic.pastAppointment(therapist, client);
		UUID endedYesterday = clinic.sessionEndedHoursAgo(therapist, client, 24);
		UUID signedNote = signedNote(clinic.pastAppointment(therapist, client), asTherapist);
		Map<String, String> intakeFields = new LinkedHashMap<>();
		intake.properties().forEach(field -> intakeFields.put(field.getKey(), field.getValue().toString()));

		List<Endpoint> endpoints = List.of(
				new Endpoint(HttpMethod.POST, "/api/v1/appointments",
						fields("clientId", q(client), "therapistId", q(therapist), "service", "\"TREATMENT_60\"",
								"start", start, "technique", "\"SWEDISH\""),
						List.of("clientId", "therapistId", "service", "start"), asAdmin),
				new Endpoint(HttpMethod.POST, "/api/v1/appointments/" + appointment + "/cancel",
						fields("reason", "\"ill\""), List.of("reason"), asAdmin, List.of("reason")),
				new Endpoint(HttpMethod.POST, "/api/v1/appointments/" + appointment + "/reschedule",
						fields("start", start, "therapistId", q(therapist)), List.of("start"), asAdmin),
				new Endpoint(HttpMethod.POST, "/api/v1/series/check",
						fields("clientId", q(client), "therapistId", q(therapist), "service", "\"TREATMENT_60\"",
								"start", start, "everyWeeks", "1", "count", "6"),
						List.of("clientId", "therapistId", "service", "start", "everyWeeks"), asAdmin),
				new Endpoint(HttpMethod.POST, "/api/v1/series",
						fields("clientId", q(client), "therapistId", q(therapist), "service", "\"TREATMENT_60\"",
								"start", start, "everyWeeks", "2", "until", "\"" + clinic.today().plusDays(60) + "\"",
								"skip", "[\"" + clinic.today().plusDays(20) + "\"]"),
						List.of("clientId", "therapistId", "service", "start", "everyWeeks", "until"), asAdmin),
				new Endpoint(HttpMethod.POST, "/api/v1/appointments/" + appointment + "/series/cancel",
						fields("scope", "\"FOLLOWING\"", "reason", "\"ill\""), List.of("scope", "reason"), asAdmin,
						List.of("reason")),
				new Endpoint(HttpMethod.POST, "/api/v1/appointments/" + appointment + "/series/move",
						fields("scope", "\"ALL\"", "start", start), List.of("scope", "start"), asAdmin),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/therapists/" + therapist,
						fields("name", "\"Sweep Therapist\"", "bio", "\"calm\"", "languages", "[\"en\"]",
								"yearsTreatingBackPain", "3", "gender", "\"WOMAN\""),
						List.of("name"), asAdmin, List.of("name", "bio")),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/services/TREATMENT_60",
						fields("name", "\"Treatment, 60 minutes\"", "durationMinutes", "60", "bufferMinutes", "15"),
						List.of("name", "durationMinutes", "bufferMinutes"), asAdmin, List.of("name")),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/clinic",
						fields("name", "\"Sweep clinic\"", "address", "\"Sweepweg 1\"", "timeZone", "\"Europe/Berlin\"",
								"cancellationWindowHours", "24", "intakeBeforeTreatment", "false",
								"minimumNoticeMinutes", "120", "bookingHorizonDays", "90", "reminderHoursBefore",
								"[48, 2]"),
						List.of("name", "timeZone", "cancellationWindowHours", "intakeBeforeTreatment"), asAdmin,
						List.of("name", "address")),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/therapists/" + therapist + "/active",
						fields("active", "true"), List.of("active"), asAdmin, List.of()),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/services/TREATMENT_90/offered", fields("offered", "true"),
						List.of("offered"), asAdmin, List.of()),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/therapists/" + therapist + "/hours",
						fields("intervals", "[{\"day\": \"MONDAY\", \"starts\": \"09:00\", \"ends\": \"12:00\"}]"),
						List.of("intervals"), asAdmin),
				new Endpoint(HttpMethod.POST, "/api/v1/admin/therapists/" + therapist + "/time-off",
						fields("from", start, "to", "\"" + clinic.inDays(6, 12, 0) + "\"", "reason", "\"away\""),
						List.of("from", "to"), asAdmin, List.of("reason")),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/accounts/" + admin.id().value() + "/role",
						fields("role", "\"THERAPIST\"", "therapistId", q(therapist)), List.of("role"), asAdmin),
				new Endpoint(HttpMethod.POST, "/api/v1/auth/token",
						fields("email", "\"sweep@example.org\"", "password", "\"a password of some length\""),
						List.of("email", "password"), null, List.of("password")),
				new Endpoint(HttpMethod.POST, "/api/v1/auth/register",
						fields("name", "\"Sweep\"", "email", "\"sweep-" + UUID.randomUUID() + "@example.org\"",
								"password", "\"a perfectly fine passphrase\"", "phone", "\"+49 1\"", "dateOfBirth",
								"\"1980-01-01\"", "consentToTreatment", "true", "consentToDataProcessing", "true"),
						List.of("name", "email", "password", "dateOfBirth", "consentToTreatment",
								"consentToDataProcessing"),
						null, List.of("name", "password", "phone")),
				new Endpoint(HttpMethod.POST, "/api/v1/auth/confirm-email", fields("token", "\"no-such-token\""),
						List.of("token"), null, List.of("token")),
				new Endpoint(HttpMethod.POST, "/api/v1/auth/password-reset",
						fields("email", "\"sweep-reset-" + UUID.randomUUID() + "@example.org\""), List.of("email"),
						null),
				new Endpoint(HttpMethod.POST, "/api/v1/auth/password-reset/complete",
						fields("token", "\"no-such-token\"", "password", "\"a perfectly fine passphrase\""),
						List.of("token", "password"), null, List.of("token", "password")),
				new Endpoint(HttpMethod.PUT, "/api/v1/me/password",
						fields("currentPassword", "\"not the password\"", "newPassword",
								"\"a perfectly fine passphrase\""),
						List.of("currentPassword", "newPassword"), asClient, List.of("currentPassword", "newPassword")),
				new Endpoint(HttpMethod.POST, "/api/v1/auth/invitations/accept",
						fields("token", "\"no-such-token\"", "password", "\"a perfectly fine passphrase\""),
						List.of("token", "password"), null, List.of("token", "password")),
				new Endpoint(HttpMethod.POST, "/api/v1/admin/invitations",
						fields("email", "\"inv-" + UUID.randomUUID() + "@example.org\"", "role", "\"THERAPIST\"",
								"therapistId", q(therapist)),
						List.of("email", "role", "therapistId"), asAdmin),
				new Endpoint(HttpMethod.PUT, "/api/v1/me/profile", fields("name", "\"Renamed\"", "phone", "\"+49 2\""),
						List.of("name"), asClient, List.of("name", "phone")),
				new Endpoint(HttpMethod.POST, "/api/v1/me/erasure", fields("confirm", "false"), List.of("confirm"),
						asClient),
				new Endpoint(HttpMethod.POST, "/api/v1/clients/" + client + "/intakes", intakeFields,
						intakeFields.keySet().stream().filter(field -> !field.equals("body")).toList(), asClient),
				new Endpoint(HttpMethod.POST, "/api/v1/intakes/" + intakeId + "/clearance",
						fields("clearedBy", "\"Dr. Sweep\"", "clearedOn", "\"" + clinic.today() + "\"", "note",
								"\"fine\""),
						List.of("clearedBy", "clearedOn"), asAdmin, List.of("clearedBy", "note")),
				new Endpoint(HttpMethod.POST, "/api/v1/intakes/" + intakeId + "/overrides",
						fields("techniques", "[\"SWEDISH\"]", "initialSessions", "4", "everyDays", "7",
								"maintenanceEveryWeeks", "4", "note", "\"gentler\""),
						List.of("techniques", "initialSessions", "everyDays", "note"), asAdmin, List.of("note")),
				new Endpoint(HttpMethod.PUT, "/api/v1/therapists/" + therapist + "/review",
						fields("ratings", "{\"listening\": 5, \"comfort\": 4, \"effect\": 4}", "text", "\"fine\""),
						List.of("ratings"), asClient, List.of("text")),
				new Endpoint(HttpMethod.POST, "/api/v1/reviews/" + review + "/reply", fields("text", "\"thanks\""),
						List.of("text"), asTherapist, List.of("text")),
				new Endpoint(HttpMethod.POST, "/api/v1/admin/reviews/" + review + "/hide", fields("reason", "\"spam\""),
						List.of("reason"), asAdmin, List.of("reason")),
				new Endpoint(HttpMethod.POST, "/api/v1/admin/therapists/" + therapist + "/licences",
						fields("jurisdiction", "\"Sweep\"", "number", "\"S-1\"", "validFrom",
								"\"" + clinic.today() + "\"", "validUntil", "\"" + clinic.today().plusYears(1) + "\"",
								"documentRef", "\"scan.pdf\""),
						List.of("jurisdiction", "number", "validFrom", "validUntil"), asAdmin,
						List.of("jurisdiction", "number", "documentRef")),
				new Endpoint(HttpMethod.POST, "/api/v1/admin/therapists/" + therapist + "/licences/end",
						fields("jurisdiction", "\"Sweep\"", "number", "\"none\"", "validUntil",
								"\"" + clinic.today() + "\""),
						List.of("jurisdiction", "number", "validUntil"), asAdmin, List.of("jurisdiction", "number")),
				new Endpoint(HttpMethod.POST, "/api/v1/admin/therapists/" + therapist + "/certifications",
						fields("technique", "\"DEEP_TISSUE\"", "certifiedOn", "\"2024-01-01\"", "validUntil",
								"\"2030-01-01\"", "documentRef", "\"cert.pdf\""),
						List.of("technique"), asAdmin, List.of("documentRef")),
				new Endpoint(HttpMethod.PUT, "/api/v1/clients/" + client + "/found-via",
						fields("foundVia", "\"FRIEND\"", "referrer", "\"Jana\""), List.of("foundVia"), asClient,
						List.of("referrer")),
				new Endpoint(HttpMethod.POST, "/api/v1/waitlist",
						fields("clientId", q(client), "service", "\"TREATMENT_60\"", "therapistId", q(therapist),
								"technique", "\"SWEDISH\"", "from", "\"" + clinic.today().plusDays(1) + "\"", "until",
								"\"" + clinic.today().plusDays(30) + "\"", "windows",
								"[{\"days\": [\"MONDAY\", \"FRIDAY\"], \"from\": \"08:00\", \"to\": \"12:00\"}]"),
						List.of("service", "from", "until", "windows"), asAdmin),
				new Endpoint(HttpMethod.PUT, "/api/v1/appointments/" + heldSession + "/note",
						fields("subjective", "\"stiff\"", "painNow", "6", "objective", "\"tight\"", "assessment",
								"\"better\"", "plan", "\"again\"", "minutes", "50", "areas",
								"[{\"region\": \"NECK\", \"technique\": \"SWEDISH\", \"pressure\": \"LIGHT\"}]"),
						List.of(), asTherapist, List.of("subjective", "objective", "assessment", "plan")),
				new Endpoint(HttpMethod.POST, "/api/v1/notes/" + signedNote + "/amendments",
						fields("reason", "\"misheard\"", "text", "\"pain was 5\""), List.of("reason", "text"),
						asTherapist, List.of("reason", "text")),
				new Endpoint(HttpMethod.PUT, "/api/v1/notes/" + signedNote + "/sharing", fields("shared", "true"),
						List.of("shared"), asTherapist),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/note-retention", fields("years", "10"), List.of("years"),
						asAdmin),
				new Endpoint(HttpMethod.PUT, "/api/v1/appointments/" + endedYesterday + "/feedback",
						fields("overallPressure", "\"TOO_FIRM\"", "pressure", "[]", "sorenessNextDay", "6", "comfort",
								"3", "painNow", "4", "helped", "\"heat\"", "avoid", "\"the neck\"", "avoidAreas",
								"[\"NECK\"]"),
						List.of(), asClient, List.of("helped", "avoid")),
				new Endpoint(HttpMethod.POST, "/api/v1/appointments/" + appointment + "/proposal/decisions",
						fields("decision", "\"ACCEPTED\"", "reason", "\"agreed\"", "plan", "\"\""),
						List.of("decision", "reason"), asTherapist, List.of("reason", "plan")),
				new Endpoint(HttpMethod.POST, "/api/v1/clients/" + client + "/follow-ups",
						fields("painNow", "3", "startBack",
								"{\"agree\": [true, false, false, false, false, false, false, false], "
										+ "\"bothersomeness\": \"SLIGHTLY\"}",
								"oswestry", "{\"sections\": [1, 1, 1, 1, 1, 1, 1, null, 1, 1]}"),
						List.of("painNow", "startBack", "oswestry"), asClient),
				new Endpoint(HttpMethod.PUT, "/api/v1/clients/" + client + "/outcomes/baseline",
						fields("measurementId", q(intakeId), "reason", "\"a better start\""),
						List.of("measurementId", "reason"), asAdmin, List.of("reason")),
				new Endpoint(HttpMethod.POST, "/api/v1/clients/" + client + "/progress-summaries",
						fields("from", "\"" + clinic.today().minusDays(30) + "\"", "to", "\"" + clinic.today() + "\"",
								"summary", "\"Better\""),
						List.of("from", "to", "summary"), asTherapist, List.of("summary")),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/follow-up-schedule",
						fields("afterInitialPhase", "true", "everyWeeks", "4"),
						List.of("afterInitialPhase", "everyWeeks"), asAdmin),
				new Endpoint(HttpMethod.PUT, "/api/v1/clients/" + client + "/home-plan",
						fields("note", "\"steps\"", "items",
								"[{\"item\": \"walk\", \"daysPerWeek\": 5, \"minutes\": 30}]"),
						List.of("items"), asAdmin, List.of("note")),
				new Endpoint(HttpMethod.POST, "/api/v1/clients/" + client + "/home-log",
						fields("item", "\"walk\"", "day", "\"" + clinic.today() + "\"", "done", "true", "pain", "3",
								"difficulty", "\"OK\""),
						List.of("item", "day", "done"), asClient),
				new Endpoint(HttpMethod.PUT, "/api/v1/me/home-reminders",
						fields("zone", "\"Europe/Berlin\"", "reminders",
								"[{\"item\": \"walk\", \"at\": \"08:00\", \"days\": [\"MONDAY\"]}]", "quietFrom",
								"\"22:00\"", "quietUntil", "\"07:00\""),
						List.of("zone", "reminders"), asClient),
				new Endpoint(HttpMethod.PUT, "/api/v1/admin/home-care", fields("nudgeAfterDays", "3"),
						List.of("nudgeAfterDays"), asAdmin));

		Map<String, Object> before = snapshot();
		List<String> wrong = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints) {
			for (String field : endpoint.body().keySet()) {
				for (String value : HOSTILE) {
					boolean keepsItValid = (value.equals("null") && !endpoint.required().contains(field))
							|| (endpoint.freeText().contains(field) && value.startsWith("\"") && value.length() < 200
									&& (!value.matches("\"\\s*\"") || !endpoint.required().contains(field)))
							|| (field.equals("confirm") && value.equals("true"))
							// No cause ticked is a legitimate answer; so are a week
							// without hours
							// and a clinic that asks for an intake.
							|| (field.equals("causes") && value.equals("[]"))
							|| (field.equals("intervals") && value.equals("[]"))
							|| (field.equals("languages") && value.equals("[]"))
							// No reminders at all is a clinic's choice.
							|| (field.equals("reminderHoursBefore") && value.equals("[]"))
							// A note may name no area treated.
							|| (field.equals("areas") && value.equals("[]"))
							// Nothing said of an area, or no area to avoid, is an answer.
							|| ((field.equals("pressure") || field.equals("avoidAreas")) && value.equals("[]"))
							|| (field.equals("intakeBeforeTreatment") && value.equals("true"))
							// No home-care reminders at all is the client's choice.
							|| (field.equals("reminders") && value.equals("[]"));
					if (keepsItValid || endpoint.body().get(field).equals(value)) {
						continue;
					}
					Map<String, String> body = new LinkedHashMap<>(endpoint.body());
					body.put(field, value);
					sent += check(endpoint, json(body), MediaType.APPLICATION_JSON, wrong,
							field + "=" + abbreviate(value));
				}
				if (endpoint.required().contains(field)) {
					Map<String, String> body = new LinkedHashMap<>(endpoint.body());
					body.remove(field);
					sent += check(endpoint, json(body), MediaType.APPLICATION_JSON, wrong, "without " + field);
				}
			}
			for (String body : BROKEN_BODIES) {
				sent += check(endpoint, body, MediaType.APPLICATION_JSON, wrong, "body " + abbreviate(body));
			}
			for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
					MediaType.APPLICATION_FORM_URLENCODED)) {
				sent += check(endpoint, json(endpoint.body()), type, wrong, "as " + type);
			}
		}
		for (String id : List.of("not-a-uuid", "42", "' OR '1'='1", "%00", "x".repeat(300),
				UUID.randomUUID().toString())) {
			for (String path : List.of("/api/v1/appointments/%s", "/api/v1/therapists/%s", "/api/v1/clients/%s",
					"/api/v1/therapists/%s/availability?service=TREATMENT_60", "/api/v1/intakes/%s",
					"/api/v1/clients/%s/intakes/latest", "/api/v1/clients/%s/intakes", "/api/v1/notes/%s",
					"/api/v1/appointments/%s/note", "/api/v1/clients/%s/notes", "/api/v1/appointments/%s/feedback",
					"/api/v1/clients/%s/feedback", "/api/v1/appointments/%s/proposal", "/api/v1/clients/%s/outcomes",
					"/api/v1/clients/%s/progress-summaries", "/api/v1/clients/%s/progress-report",
					"/api/v1/clients/%s/home-plan", "/api/v1/clients/%s/home-plan/versions",
					"/api/v1/clients/%s/home-plan/offer")) {
				sent += check(new Endpoint(HttpMethod.GET, path.formatted(id), Map.of(), List.of(), asAdmin), null,
						null, wrong, "id " + abbreviate(id));
			}
		}
		for (String id : List.of("not-a-uuid", "42", "' OR '1'='1", "%00", "x".repeat(300),
				UUID.randomUUID().toString())) {
			sent += check(new Endpoint(HttpMethod.GET, "/api/v1/waitlist/" + id, Map.of(), List.of(), asAdmin), null,
					null, wrong, "waitlist id " + abbreviate(id));
			sent += check(new Endpoint(HttpMethod.DELETE, "/api/v1/waitlist/" + id, Map.of(), List.of(), asAdmin), null,
					null, wrong, "waitlist id " + abbreviate(id));
			for (String path : List.of("/api/v1/waitlist/offers/%s", "/api/v1/waitlist/offers/%s/accept",
					"/api/v1/waitlist/offers/%s/decline")) {
				sent += check(new Endpoint(path.endsWith("%s") ? HttpMethod.GET : HttpMethod.POST, path.formatted(id),
						Map.of(), List.of(), asClient), null, null, wrong, "offer id " + abbreviate(id));
			}
		}
		Map<String, Function<String, String>> queries = Map.of(
				"/api/v1/therapists/" + therapist.value() + "/availability?service=TREATMENT_60&from=%s", v -> v,
				"/api/v1/therapists/" + therapist.value() + "/availability?service=%s", v -> v,
				"/api/v1/availability?service=TREATMENT_60&limit=%s", v -> v,
				"/api/v1/availability?service=TREATMENT_60&technique=%s", v -> v,
				"/api/v1/therapists/" + therapist.value() + "/schedule?from=%s&to=2026-01-01", v -> v,
				"/api/v1/admin/audit?from=%s", v -> v, "/api/v1/admin/audit?limit=%s", v -> v,
				"/api/v1/admin/audit?action=%s", v -> v, "/api/v1/therapists?clinic=%s", v -> v,
				"/api/v1/clients/" + client + "/home-plan?weeks=%s", v -> v);
		for (var query : queries.entrySet()) {
			// (An empty value means "not given" and falls back to the default, so it is
			// not in this list.)
			for (String value : List.of("abc", "-1", "0", "99999999999", "2026-02-30", "+999999999-12-31",
					"'%20OR%201=1", "%3Cscript%3E", "x".repeat(500))) {
				sent += check(
						new Endpoint(HttpMethod.GET, query.getKey().formatted(value), Map.of(), List.of(), asAdmin),
						null, null, wrong, "query " + abbreviate(value));
			}
		}

		// A request key too long, or with spaces, on the endpoints that take one (their
		// controllers validate parameters through method validation).
		// The bodies are fine: only the key is wrong.
		Map<String, String> keyed = Map.of("/api/v1/clients/" + client + "/follow-ups",
				"{\"painNow\": 3, \"startBack\": {\"agree\": [true, false, false, false, false, false, false, false], "
						+ "\"bothersomeness\": \"SLIGHTLY\"}, \"oswestry\": {\"sections\": [1, 1, 1, 1, 1, 1, 1, null, 1, 1]}}",
				"/api/v1/clients/" + client + "/home-log",
				"{\"item\": \"walk\", \"day\": \"" + clinic.today() + "\", \"done\": true}");
		for (String key : List.of("k".repeat(65), "two words")) {
			for (var path : keyed.entrySet()) {
				MockHttpServletResponse response = this.mvc
					.perform(post(path.getKey()).header(HttpHeaders.AUTHORIZATION, asClient)
						.header("Idempotency-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.content(path.getValue()))
					.andReturn()
					.getResponse();
				sent++;
				if (response.getStatus() != 400 || response.getContentType() == null
						|| !response.getContentType().startsWith("application/problem+json")) {
					wrong.add("POST " + abbreviate(path.getKey()) + " Idempotency-Key " + abbreviate(key) + " -> "
							+ response.getStatus());
				}
			}
		}

		// The report's period: not a date, after today, or over five years.
		for (String query : List.of("from=%s", "from=2020-01-01&to=%s")) {
			for (String value : List.of("abc", "-1", "0", "99999999999", "2026-02-30", "+999999999-12-31",
					"'%20OR%201=1", "%3Cscript%3E", "x".repeat(500), "1990-01-01")) {
				sent += check(new Endpoint(HttpMethod.GET,
						"/api/v1/clients/" + client + "/progress-report?" + query.formatted(value), Map.of(), List.of(),
						asAdmin), null, null, wrong, "report " + abbreviate(value));
			}
		}
		assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(500);
		assertThat(wrong).as("requests that did not get a 4xx problem document").isEmpty();
		assertThat(snapshot()).as("business data after the sweep").isEqualTo(before);
	}

	/**
	 * The pages get the same hostile values in their query parameters and path ids, and
	 * must answer each with a page of the site (a 4xx, in the layout), never a 5xx or raw
	 * problem JSON, and change nothing.
	 */
	@Test
	void everyMalformedPageRequestGetsAFriendlyPageAndChangesNothing() throws Exception {
		TestClinic clinic = this.fixture.open();
		TherapistId therapist = clinic.therapist();
		ClientId client = clinic.client();
		CurrentUser admin = clinic.admin();
		CurrentUser writer = clinic.signedIn(therapist);
		String note = "/sessions/" + clinic.pastAppointment(therapist, client) + "/note?plan=fine&";
		CurrentUser asClient = clinic.signedIn(client);
		String feedback = "/me/sessions/" + clinic.sessionEndedHoursAgo(therapist, client, 24) + "/feedback?";
		homePlan(admin, client);
		Map<String, Object> before = snapshot();
		List<String> paths = List.of("/appointments/%s", "/sessions/%s/note", "/clients/%s/chart", "/intake/%s",
				"/clients/%s/assessment", "/therapists/%s", "/book?therapist=%s",
				"/book/slots?therapist=" + therapist + "&service=TREATMENT_60&date=%s",
				"/book/slots?therapist=%s&service=TREATMENT_60", "/admin/audit?actor=%s", "/admin/audit?subject=%s",
				"/intake?client=%s", "/calendar?date=%s", "/calendar?view=week&date=%s", "/appointments/%s/move",
				"/book/clients?find=%s", "/book?find=%s", "/book?client=%s", "/admin/therapists/%s/schedule",
				"/book/series?therapist=%s", "/book/series?date=%s&time=10:00&check=1",
				"/book/series?everyWeeks=%s&check=1", "/admin/mailbox/%s/invite.ics", "/confirm-email?token=%s",
				"/password-reset/new?token=%s", "/invitation?token=%s", "/calendar-feed/%s.ics", "/clients/%s/progress",
				"/clients/%s/progress/charts", "/clients/%s/progress/report.pdf", "/clients/%s/home-plan",
				"/clients/%s/home-plan/adherence", "/clients/" + client + "/progress/report.pdf?from=%s");
		List<String> wrong = new ArrayList<>();
		int sent = 0;
		for (String path : paths) {
			for (String value : List.of("abc", "-1", "99999999999", "2026-02-30", "'%20OR%201=1", "%3Cscript%3E",
					"x".repeat(300), UUID.randomUUID().toString())) {
				String uri = path.formatted(value);
				MockHttpServletResponse response = this.mvc
					.perform(get(URI.create(encodePath(uri))).with(Pages.as(admin)))
					.andReturn()
					.getResponse();
				sent++;
				boolean page = response.getContentType() != null && response.getContentType().startsWith("text/html")
						&& response.getContentAsString().contains("<nav aria-label=\"Main\">");
				boolean fine = response.getStatus() == 200 || response.getStatus() == 302;
				if (response.getStatus() >= 500 || (!fine && (response.getStatus() < 400 || !page))) {
					wrong.add(
							"GET " + abbreviate(uri) + " -> " + response.getStatus() + " " + response.getContentType());
				}
			}
		}
		// The set-up forms that switch something off or on.
		for (String path : List.of("/admin/therapists/%s/active?active=false",
				"/admin/therapists/" + therapist + "/active?active=%s", "/admin/services/%s/offered?offered=false",
				"/admin/services/TREATMENT_90/offered?offered=%s")) {
			for (String value : List.of("abc", "-1", "99999999999", "'%20OR%201=1", "%3Cscript%3E", "x".repeat(300),
					UUID.randomUUID().toString())) {
				sent += postForm(path.formatted(value), admin, wrong);
			}
		}
		// The waitlist's form: each field wrong in turn gets the form again, saying what;
		// an unknown request to take off is not found.
		Map<String, String> wish = new LinkedHashMap<>();
		wish.put("client", client.toString());
		wish.put("service", "TREATMENT_60");
		wish.put("therapist", therapist.toString());
		wish.put("days", "MONDAY");
		wish.put("fromTime", "08:00");
		wish.put("toTime", "12:00");
		wish.put("from", clinic.today().plusDays(1).toString());
		wish.put("until", clinic.today().plusDays(30).toString());
		for (String field : wish.keySet()) {
			for (String value : List.of("", "abc", "-1", "2026-02-30", "25:99", "'%20OR%201=1", "%3Cscript%3E",
					"x".repeat(300), UUID.randomUUID().toString())) {
				if (field.equals("therapist") && value.isEmpty()) {
					// No therapist is "anyone": a fine request.
					continue;
				}
				StringBuilder query = new StringBuilder();
				wish.forEach((name, fine) -> query.append(query.isEmpty() ? "?" : "&")
					.append(name)
					.append('=')
					.append(name.equals(field) ? value : fine));
				sent += postForm("/admin/waitlist" + query, admin, wrong);
			}
		}
		for (String value : List.of("abc", "-1", "x".repeat(300), UUID.randomUUID().toString())) {
			sent += postForm("/admin/waitlist/" + value + "/withdraw", admin, wrong);
		}
		// A session's note: a number that is none or out of range, an area, technique or
		// pressure that does not exist, a text too long or with a NUL gets the form
		// again,
		// saying what; nothing is saved.
		for (String wrongPart : List.of("painNow=abc", "painNow=-1", "painNow=11", "painNow=99999999999", "minutes=abc",
				"minutes=0", "minutes=241", "treated=NOPE", "treated=" + "x".repeat(300), "treated='%20OR%201=1",
				"treated=NECK&technique_NECK=NOPE", "treated=NECK&pressure_NECK=%3Cscript%3E",
				"treated=NECK&treated=NECK", "subjective=" + "x".repeat(4001), "objective=a%00b")) {
			sent += postForm(note + wrongPart, writer, wrong);
		}
		for (String value : List.of("abc", "-1", "x".repeat(300), UUID.randomUUID().toString())) {
			sent += postForm("/notes/" + value + "/amend?reason=r&text=t", writer, wrong);
		}
		// The client's feedback form: an answer out of range or unknown, an area the note
		// does not name, a text too long gets the form again, saying what; nothing is
		// saved.
		for (String wrongPart : List.of("sorenessNextDay=11", "sorenessNextDay=abc", "comfort=0", "comfort=6",
				"painNow=-1", "overallPressure=NOPE", "pressure_NECK=TOO_FIRM", "pressure_NOPE=RIGHT",
				"avoidAreas=NOPE", "helped=" + "x".repeat(1001), "avoid=a%00b")) {
			sent += postForm(feedback + wrongPart, asClient, wrong);
		}
		// The follow-up: an answer missing, out of range or unknown gets the form again,
		// saying what; the baseline, summary and schedule forms the same; nothing is
		// saved.
		String followUp = "/me/follow-up?painNow=3&startBack1=true&startBack2=false&startBack3=false&startBack4=false"
				+ "&startBack5=false&startBack6=false&startBack7=false&startBack8=false&startBack9=SLIGHTLY"
				+ "&odi1=1&odi2=1&odi3=1&odi4=1&odi5=1&odi6=1&odi7=1&odi9=1&odi10=1&";
		for (String wrongPart : List.of("painNow=11", "painNow=-1", "painNow=abc", "startBack1=maybe",
				"startBack9=NOPE", "odi1=6", "odi1=abc", "odi2=&odi3=&odi4=", "painNow=" + "9".repeat(300))) {
			sent += postForm(followUp + wrongPart, asClient, wrong);
		}
		for (String wrongPart : List.of("measurementId=abc&reason=r",
				"measurementId=" + UUID.randomUUID() + "&reason=r",
				"measurementId=" + UUID.randomUUID() + "&reason=" + "x".repeat(1001), "reason=r",
				"measurementId=" + UUID.randomUUID() + "&reason=a%00b")) {
			sent += postForm("/clients/" + client + "/progress/baseline?" + wrongPart, admin, wrong);
		}
		String today = clinic.today().toString();
		for (String wrongPart : List.of("from=abc&to=" + today + "&summary=s",
				"from=" + today + "&to=2026-02-30&summary=s",
				"from=" + today + "&to=" + clinic.today().plusDays(1) + "&summary=s",
				"from=" + clinic.today().plusDays(1) + "&to=" + today + "&summary=s",
				"from=1990-01-01&to=" + today + "&summary=s", "from=" + today + "&to=" + today + "&summary=",
				"from=" + today + "&to=" + today + "&summary=" + "x".repeat(4001),
				"from=" + today + "&to=" + today + "&summary=a%00b")) {
			sent += postForm("/clients/" + client + "/progress/summary?" + wrongPart, writer, wrong);
		}
		for (String value : List.of("", "abc", "0", "53", "-1", "99999999999", "%3Cscript%3E")) {
			sent += postForm("/admin/outcomes/schedule?afterInitialPhase=true&everyWeeks=" + value, admin, wrong);
		}
		// Home care: a log with pain out of range, a day in the future, over a week back
		// or
		// not a date, no reason for an item not done, an item not in the plan; reminders
		// with an unknown zone, a time or day that is none, half quiet hours; a plan with
		// an unknown item, a dose out of bounds, a text too long; the nudge setting out
		// of
		// range: each gets its page again, saying what; nothing is saved.
		String log = "/me/home/log?item=walk&day=" + clinic.today() + "&";
		for (String wrongPart : List.of("done=true&pain=11", "done=true&pain=-1", "done=true&pain=abc", "done=maybe",
				"done=false", "done=false&reason=NOPE", "done=true&difficulty=NOPE",
				"done=true&pain=" + "9".repeat(300))) {
			sent += postForm(log + wrongPart, asClient, wrong);
		}
		for (String wrongPart : List.of("item=walk&day=" + clinic.today().plusDays(1),
				"item=walk&day=" + clinic.today().minusDays(8), "item=walk&day=2026-02-30", "item=walk&day=",
				"item=swim&day=" + clinic.today(), "item=" + "x".repeat(300) + "&day=" + clinic.today())) {
			sent += postForm("/me/home/log?done=true&" + wrongPart, asClient, wrong);
		}
		for (String wrongPart : List.of("zone=Mars/Olympus", "zone=",
				"zone=Europe/Berlin&item=walk&times-walk=25:99&days-walk=MONDAY",
				"zone=Europe/Berlin&item=walk&times-walk=08:00&days-walk=NOPE",
				"zone=Europe/Berlin&item=walk&times-walk=08:00",
				"zone=Europe/Berlin&item=swim&times-swim=08:00&days-swim=MONDAY",
				"zone=Europe/Berlin&item=" + "x".repeat(300), "zone=Europe/Berlin&quietFrom=22:00",
				"zone=Europe/Berlin&quietFrom=22:00&quietUntil=22:00",
				"zone=Europe/Berlin&item=walk&times-walk=08:00,08:00&days-walk=MONDAY",
				"zone=Europe/Berlin&item=walk&times-walk=08:00,09:00,10:00,11:00&days-walk=MONDAY")) {
			sent += postForm("/me/home/reminders?" + wrongPart, asClient, wrong);
		}
		sent += postForm("/me/home/reminders/pause", asClient, wrong);
		for (String wrongPart : List.of("", "include=yoga&often-yoga=1&unit-yoga=day",
				"include=cold&often-cold=1&unit-cold=day&minutes-cold=20", "include=walk&often-walk=abc&unit-walk=week",
				"include=walk&often-walk=5&unit-walk=month", "include=walk&often-walk=8&unit-walk=week",
				"include=walk&often-walk=0&unit-walk=week", "include=walk&often-walk=5&unit-walk=week&minutes-walk=-30",
				"include=walk&often-walk=5&unit-walk=week&instruction-walk=" + "x".repeat(501),
				"include=walk&often-walk=5&unit-walk=week&note=" + "x".repeat(1001),
				"include=walk&often-walk=5&unit-walk=week&note=a%00b", "include=walk",
				"include=walk&include=walk&often-walk=5&unit-walk=week", "include=" + "x".repeat(300))) {
			sent += postForm("/clients/" + client + "/home-plan?" + wrongPart, admin, wrong);
		}
		for (String value : List.of("", "abc", "0", "15", "-1", "99999999999", "%3Cscript%3E")) {
			sent += postForm("/admin/home-care?nudgeAfterDays=" + value, admin, wrong);
		}
		// The account forms: a bad link, address or password gets the form again, saying
		// what is wrong; nothing is set.
		for (String path : List.of("/confirm-email?token=%s", "/password-reset?email=%s",
				"/password-reset/new?token=%s&password=a_perfectly_fine_passphrase",
				"/invitation?token=%s&password=a_perfectly_fine_passphrase",
				"/account/password?currentPassword=%s&password=a_perfectly_fine_passphrase")) {
			for (String value : List.of("", "abc", "'%20OR%201=1", "%3Cscript%3E", "x".repeat(300),
					"someone%40example.org%0D%0ABcc:%20everyone%40example.org", UUID.randomUUID().toString())) {
				sent += postForm(path.formatted(value), admin, wrong);
			}
		}
		assertThat(sent).as("page requests sent").isGreaterThanOrEqualTo(80);
		assertThat(wrong).as("page requests that did not get a friendly 4xx page (or the page itself)").isEmpty();
		assertThat(snapshot()).as("business data after the sweep").isEqualTo(before);
		assertThat(client).isNotNull();
	}

	private int check(Endpoint endpoint, String body, MediaType type, List<String> wrong, String what)
			throws Exception {
		MockHttpServletRequestBuilder request = request(endpoint.method(), URI.create(encodePath(endpoint.path())));
		if (body != null) {
			request = request.contentType(type).content(body);
		}
		if (endpoint.bearer() != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, endpoint.bearer());
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		boolean problem = response.getContentType() != null
				&& response.getContentType().startsWith("application/problem+json");
		if (response.getStatus() < 400 || response.getStatus() >= 500 || !problem) {
			wrong.add(endpoint.method() + " " + abbreviate(endpoint.path()) + " " + what + " -> " + response.getStatus()
					+ " " + response.getContentType());
		}
		return 1;
	}

	@Autowired
	org.backcare.homecare.HomeCare homeCare;

	/** A home plan for the client: a walk and movement breaks. */
	private void homePlan(CurrentUser admin, ClientId client) {
		this.homeCare
			.write(admin, client,
					List.of(new org.backcare.homecare.HomeCare.ItemChoice("walk", null, null, 5, 30),
							new org.backcare.homecare.HomeCare.ItemChoice("movement-break", null, 6, null, 2)),
					"", null);
	}

	/** Row counts and a digest of the rows of every business table. */
	private Map<String, Object> snapshot() {
		Map<String, Object> tables = new LinkedHashMap<>();
		for (String table : List.of("clinic", "service_type", "therapist", "licence", "certification", "working_hours",
				"time_off", "client", "appointment", "idempotency_key", "account", "consent", "invitation", "intake",
				"instrument_response", "medical_clearance", "recommendation_override", "review", "review_revision",
				"waitlist_request", "waitlist_window", "waitlist_opening", "waitlist_offer", "session_note",
				"session_note_area", "session_note_amendment", "session_note_share", "note_retention", "note_due",
				"session_feedback", "session_feedback_pressure", "plan_decision", "follow_up", "follow_up_response",
				"outcome_baseline", "follow_up_schedule", "progress_summary", "home_plan", "home_plan_item", "home_log",
				"home_reminder_setting", "home_reminder", "home_reminder_day", "home_care_setting")) {
			tables.put(table, this.jdbc
				.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
						+ table + " t")
				.query(String.class)
				.single());
		}
		return tables;
	}

	/** A session's note, written and signed by its therapist. */
	private UUID signedNote(UUID session, String bearer) throws Exception {
		this.mvc
			.perform(request(HttpMethod.PUT, "/api/v1/appointments/" + session + "/note")
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"plan\": \"again next week\"}"))
			.andExpect(status().isOk());
		String signed = this.mvc
			.perform(request(HttpMethod.POST, "/api/v1/appointments/" + session + "/note/signature")
				.header(HttpHeaders.AUTHORIZATION, bearer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(this.json.readTree(signed).get("id").asString());
	}

	private UUID existingAppointment(TestClinic clinic, TherapistId therapist, ClientId client, String bearer)
			throws Exception {
		String created = this.mvc
			.perform(request(HttpMethod.POST, "/api/v1/appointments").header(HttpHeaders.AUTHORIZATION, bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(client, therapist, clinic.inDays(5, 9, 0))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(created, "$.id"));
	}

	/**
	 * A completed session of the client with the therapist, and the client's review of
	 * it.
	 */
	private UUID existingReview(TestClinic clinic, TherapistId therapist, ClientId client, String bearer)
			throws Exception {
		UUID session = clinic.pastAppointment(therapist, client);
		this.jdbc.sql("UPDATE appointment SET status = 'COMPLETED', completed_at = starts_at WHERE id = ?")
			.param(session)
			.update();
		String written = this.mvc
			.perform(request(HttpMethod.PUT, "/api/v1/therapists/" + therapist + "/review")
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"ratings\": {\"listening\": 4, \"comfort\": 4, \"effect\": 4}, \"text\": \"good\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(written, "$.id"));
	}

	private UUID existingIntake(ClientId client, String bearer, String body) throws Exception {
		String created = this.mvc
			.perform(request(HttpMethod.POST, "/api/v1/clients/" + client + "/intakes")
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(created, "$.id"));
	}

	/**
	 * Posts a page form that must answer with a friendly page saying what is wrong: not a
	 * redirect (that would be a success), not an error. Answers 1, the requests sent.
	 */
	private int postForm(String uri, CurrentUser admin, List<String> wrong) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post(URI.create(encodePath(uri))).with(Pages.as(admin)).with(csrf()))
			.andReturn()
			.getResponse();
		boolean page = response.getContentType() != null && response.getContentType().startsWith("text/html")
				&& response.getContentAsString().contains("<nav aria-label=\"Main\">");
		if (response.getStatus() >= 500 || response.getStatus() == 302 || !page) {
			wrong.add("POST " + abbreviate(uri) + " -> " + response.getStatus() + " " + response.getContentType());
		}
		return 1;
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private static String json(Map<String, String> body) {
		StringBuilder json = new StringBuilder("{");
		body.forEach((field, value) -> json.append(json.length() > 1 ? ", " : "")
			.append('"')
			.append(field)
			.append("\": ")
			.append(value));
		return json.append('}').toString();
	}

	private static String q(Object value) {
		return "\"" + value + "\"";
	}

	/**
	 * Encodes what a URI may not hold literally, keeping the path's structure and query.
	 */
	private static String encodePath(String path) {
		return path.replace(" ", "%20").replace("'", "%27").replace("<", "%3C").replace(">", "%3E");
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
