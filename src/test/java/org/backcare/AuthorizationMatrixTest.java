package org.backcare;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.backcare.ClinicFixture.TestClinic;
import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.assessment.Examples;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.feedback.FeedbackAnswers;
import org.backcare.feedback.Feedbacks;
import org.backcare.feedback.PressureVerdict;
import org.backcare.notes.NoteContent;
import org.backcare.notes.SessionNotes;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every endpoint and page, called by every kind of caller, about a record that is theirs
 * and one that is not: the appointment of client A with therapist X in one clinic. Every
 * API answer is also checked against the published OpenAPI document
 * ({@link ApiContract}). A new endpoint without a row here fails
 * {@link #everyEndpointHasARule()}, so none can ship without a decision on who may call
 * it.
 */
@IntegrationTest
class AuthorizationMatrixTest {

	/** The callers, in the column order of every row. */
	enum Caller {

		ANONYMOUS, CLIENT_A, CLIENT_B, THERAPIST_X, THERAPIST_Y, ADMIN, OTHER_CLINIC_ADMIN

	}

	/**
	 * Framework endpoints that nobody calls on purpose; Spring Boot renders /error for
	 * failures.
	 */
	static final Set<String> NOT_ENDPOINTS = Set.of("* /error");

	/** Endpoints served by Spring Security's filters rather than by a controller. */
	static final Set<String> SECURITY_FILTER_ENDPOINTS = Set.of("POST /login", "POST /logout");

	/**
	 * Endpoints that read or change a health record. Every call of one by a signed-in
	 * caller that is refused (403, 404) must leave a REFUSED audit entry by that caller
	 * (a refusal by role, before any record is touched, is on record as ACCESS_DENIED),
	 * and every successful read (and every successful API change) an OK one: a controller
	 * that reaches a health record without going through {@code RecordAccess} fails here.
	 */
	static final Set<String> HEALTH_RECORDS = Set.of("POST /api/v1/appointments", "GET /api/v1/appointments/{id}",
			"POST /api/v1/appointments/{id}/cancel", "POST /api/v1/appointments/{id}/reschedule",
			"POST /api/v1/appointments/{id}/complete", "POST /api/v1/appointments/{id}/no-show",
			"POST /appointments/{id}/no-show", "GET /day", "GET /me/appointments", "POST /appointments/{id}/cancel",
			"GET /appointments/{id}/calendar.ics", "GET /api/v1/therapists/{id}/schedule", "GET /api/v1/clients/{id}",
			"POST /api/v1/clients/{clientId}/intakes", "GET /api/v1/clients/{clientId}/intakes",
			"GET /api/v1/clients/{clientId}/intakes/latest", "GET /api/v1/intakes/{id}",
			"POST /api/v1/intakes/{id}/clearance", "POST /api/v1/intakes/{id}/overrides",
			"PUT /api/v1/therapists/{id}/review", "POST /api/v1/reviews/{id}/reply", "GET /api/v1/reviews/{id}/history",
			"GET /api/v1/admin/reviews", "POST /api/v1/admin/reviews/{id}/hide", "GET /api/v1/clients/{id}/matches",
			"GET /api/v1/me/data", "POST /api/v1/me/erasure", "GET /api/v1/admin/dashboard", "POST /book",
			"GET /appointments/{id}", "POST /appointments/{id}/complete", "POST /intake", "GET /assessments",
			"GET /intake/{id}", "GET /clients/{clientId}/assessment", "POST /intake/{id}/clearance",
			"POST /intake/{id}/override", "GET /match", "POST /therapists/{id}/review", "POST /reviews/{id}/reply",
			"POST /reviews/{id}/hide", "GET /admin", "GET /calendar", "GET /appointments/{id}/move", "GET /me/data",
			"POST /me/erasure", "POST /appointments/{id}/move", "POST /api/v1/series/check", "POST /api/v1/series",
			"POST /api/v1/appointments/{id}/series/cancel", "POST /api/v1/appointments/{id}/series/move",
			"GET /book/series", "POST /book/series", "GET /api/v1/appointments/{id}/note",
			"PUT /api/v1/appointments/{id}/note", "POST /api/v1/appointments/{id}/note/from-last",
			"POST /api/v1/appointments/{id}/note/signature", "POST /api/v1/notes/{id}/amendments",
			"PUT /api/v1/notes/{id}/sharing", "GET /api/v1/notes/{id}", "GET /api/v1/clients/{id}/notes",
			"GET /api/v1/notes/due", "GET /sessions/{id}/note", "POST /sessions/{id}/note",
			"POST /sessions/{id}/note/from-last", "POST /sessions/{id}/note/sign", "POST /notes/{id}/amend",
			"POST /notes/{id}/share", "GET /me/notes", "GET /api/v1/appointments/{id}/feedback",
			"PUT /api/v1/appointments/{id}/feedback", "GET /api/v1/clients/{id}/feedback",
			"GET /me/sessions/{id}/feedback", "POST /me/sessions/{id}/feedback",
			"GET /api/v1/appointments/{id}/proposal", "POST /api/v1/appointments/{id}/proposal/decisions",
			"POST /sessions/{id}/proposal", "GET /clients/{id}/chart", "GET /api/v1/clients/{id}/outcomes",
			"POST /api/v1/clients/{id}/follow-ups", "PUT /api/v1/clients/{id}/outcomes/baseline",
			"POST /api/v1/clients/{id}/progress-summaries", "GET /api/v1/clients/{id}/progress-summaries",
			"GET /api/v1/clients/{id}/progress-report", "GET /api/v1/admin/outcomes", "GET /me/progress",
			"GET /clients/{id}/progress", "GET /clients/{id}/progress/charts", "GET /me/progress/report.pdf",
			"GET /clients/{id}/progress/report.pdf", "POST /clients/{id}/progress/baseline",
			"POST /clients/{id}/progress/summary", "GET /me/follow-up", "POST /me/follow-up", "GET /admin/outcomes",
			"GET /api/v1/clients/{id}/home-plan", "GET /api/v1/clients/{id}/home-plan/versions",
			"GET /api/v1/clients/{id}/home-plan/offer", "PUT /api/v1/clients/{id}/home-plan",
			"POST /api/v1/clients/{id}/home-log", "GET /me/home", "POST /me/home/log", "GET /me/home/reminders",
			"GET /clients/{id}/home-plan", "GET /clients/{id}/home-plan/adherence", "POST /clients/{id}/home-plan");

	/**
	 * Health-record endpoints that list many records (or none, for a caller who may see
	 * none of them): each record listed is an audited read, so an empty list leaves no
	 * entry, and their successes are not checked here ({@code AuditLogTest} checks the
	 * lists).
	 */
	static final Set<String> LISTS = Set.of("GET /book/series", "GET /day", "GET /me/appointments",
			"GET /api/v1/admin/reviews", "GET /api/v1/admin/dashboard", "GET /assessments", "GET /admin", "GET /match",
			"GET /api/v1/clients/{id}/notes", "GET /me/notes", "GET /api/v1/clients/{id}/feedback");

	/**
	 * Endpoints that hold no health record: public directory and availability, sign-in
	 * and the caller's own account and contact details, staff credentials, the audit log
	 * itself (which holds ids, not health data), documentation. A new endpoint must be
	 * put in one of the two sets.
	 */
	static final Set<String> NO_HEALTH_RECORD = Set.of("GET /api/v1/therapists", "GET /api/v1/therapists/{id}",
			"GET /api/v1/therapists/{id}/availability", "GET /api/v1/availability", "POST /api/v1/auth/token",
			"POST /api/v1/auth/register", "GET /api/v1/me", "POST /api/v1/auth/logout",
			"GET /api/v1/auth/consent-texts", "POST /api/v1/auth/invitations/accept", "GET /api/v1/me/profile",
			"PUT /api/v1/me/profile", "GET /api/v1/intake/rules", "GET /api/v1/intake/questionnaire",
			"GET /api/v1/therapists/{id}/reviews", "GET /api/v1/admin/therapists/{id}/credentials",
			"POST /api/v1/admin/therapists/{id}/licences", "POST /api/v1/admin/therapists/{id}/licences/verify",
			"POST /api/v1/admin/therapists/{id}/licences/end", "POST /api/v1/admin/therapists/{id}/certifications",
			"POST /api/v1/admin/therapists/{id}/certifications/verify", "PUT /api/v1/clients/{id}/found-via",
			"GET /api/v1/admin/audit", "GET /api/v1/admin/accounts", "POST /api/v1/admin/accounts/{id}/disable",
			"POST /api/v1/admin/invitations", "GET /", "GET /login", "GET /register", "POST /register", "GET /book",
			"GET /book/slots", "GET /book/clients", "GET /me", "POST /me/profile", "GET /intake",
			"GET /therapists/{id}", "POST /login", "POST /logout", "POST /admin/therapists/{id}/licences",
			"POST /admin/therapists/{id}/licences/verify", "POST /admin/therapists/{id}/certifications",
			"POST /admin/therapists/{id}/certifications/verify", "GET /admin/audit", "GET /v3/api-docs",
			"GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html",
			"GET /api/v1/admin/clinic", "PUT /api/v1/admin/clinic", "PUT /api/v1/admin/therapists/{id}/hours",
			"POST /api/v1/admin/therapists/{id}/time-off", "DELETE /api/v1/admin/therapists/{id}/time-off/{timeOffId}",
			"POST /api/v1/admin/accounts/{id}/enable", "PUT /api/v1/admin/accounts/{id}/role", "GET /admin/clinic",
			"POST /admin/clinic", "GET /admin/therapists/{id}/schedule", "POST /admin/therapists/{id}/hours",
			"POST /admin/therapists/{id}/time-off", "POST /admin/therapists/{id}/time-off/{timeOffId}/remove",
			"POST /api/v1/admin/therapists", "PUT /api/v1/admin/therapists/{id}", "GET /admin/therapists/new",
			"POST /admin/therapists/new", "POST /admin/therapists/{id}/profile", "GET /api/v1/admin/services",
			"PUT /api/v1/admin/services/{code}", "POST /admin/services", "GET /admin/accounts",
			"POST /admin/accounts/{id}/disable", "POST /admin/accounts/{id}/enable", "POST /admin/accounts/{id}/role",
			"PUT /api/v1/admin/therapists/{id}/active", "POST /admin/therapists/{id}/active",
			"PUT /api/v1/admin/services/{code}/offered", "POST /admin/services/{code}/offered", "GET /admin/mailbox",
			"GET /admin/mailbox/{id}/invite.ics", "POST /api/v1/auth/confirm-email", "POST /api/v1/auth/password-reset",
			"POST /api/v1/auth/password-reset/complete", "PUT /api/v1/me/password", "GET /confirm-email",
			"POST /confirm-email", "GET /password-reset", "POST /password-reset", "GET /password-reset/new",
			"POST /password-reset/new", "GET /invitation", "POST /invitation", "GET /account/password",
			"POST /account/password", "POST /admin/invitations", "GET /calendar-feed/{token}.ics",
			"POST /api/v1/me/calendar-feed", "DELETE /api/v1/me/calendar-feed", "GET /my-calendar-feed",
			"POST /my-calendar-feed", "POST /my-calendar-feed/stop", "POST /api/v1/waitlist", "GET /api/v1/waitlist",
			"GET /api/v1/waitlist/{id}", "DELETE /api/v1/waitlist/{id}", "GET /api/v1/waitlist/offers/{id}",
			"POST /api/v1/waitlist/offers/{id}/accept", "POST /api/v1/waitlist/offers/{id}/decline", "GET /me/waitlist",
			"POST /me/waitlist", "POST /me/waitlist/{id}/withdraw", "GET /me/waitlist/offers/{id}",
			"POST /me/waitlist/offers/{id}/accept", "POST /me/waitlist/offers/{id}/decline", "GET /admin/waitlist",
			"POST /admin/waitlist", "POST /admin/waitlist/{id}/withdraw", "GET /api/v1/admin/note-retention",
			"PUT /api/v1/admin/note-retention", "GET /api/v1/plan/rules", "GET /api/v1/admin/follow-up-schedule",
			"PUT /api/v1/admin/follow-up-schedule", "POST /admin/outcomes/schedule", "GET /api/v1/me/home-reminders",
			"PUT /api/v1/me/home-reminders", "POST /api/v1/me/home-reminders/pause",
			"POST /api/v1/me/home-reminders/resume", "GET /api/v1/admin/home-care", "PUT /api/v1/admin/home-care",
			"POST /me/home/reminders", "POST /me/home/reminders/pause", "POST /me/home/reminders/resume",
			"GET /admin/home-care", "POST /admin/home-care");

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Accounts accounts;

	@Autowired
	org.backcare.therapist.Therapists therapists;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	WebEndpointsSupplier actuator;

	final Map<String, Row> rows = new LinkedHashMap<>();

	final AtomicInteger slots = new AtomicInteger();

	TestClinic clinic;

	ClientId clientA;

	/** A client with a referral: nobody but the staff acts on C's intake here. */
	ClientId clientC;

	boolean cHasMetX;

	boolean aCompletedWithX;

	UUID reviewOfX;

	String extraLicence;

	@Autowired
	Credentials credentials;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionNotes sessionNotes;

	@Autowired
	Feedbacks feedbacks;

	int recentSessions;

	boolean aHasSignedNoteWithX;

	TherapistId therapistX;

	final Map<Caller, CurrentUser> users = new EnumMap<>(Caller.class);

	final Map<Caller, String> bearers = new EnumMap<>(Caller.class);

	record Row(String endpoint, Function<AuthorizationMatrixTest, MockHttpServletRequestBuilder> request, boolean api,
			int[] expected) {
	}

	@BeforeEach
	void openClinicAndCallers() {
		this.clinic = this.fixture.open();
		this.clientA = this.clinic.client();
		this.clientC = this.clinic.client();
		this.therapistX = this.clinic.therapist();
		TestClinic other = this.fixture.open();
		this.users.put(Caller.CLIENT_A, this.clinic.signedIn(this.clientA));
		this.users.put(Caller.CLIENT_B, this.clinic.signedIn(this.clinic.client()));
		this.users.put(Caller.THERAPIST_X, this.clinic.signedIn(this.therapistX));
		this.users.put(Caller.THERAPIST_Y, this.clinic.signedIn(this.clinic.therapist()));
		this.users.put(Caller.ADMIN, this.clinic.admin());
		this.users.put(Caller.OTHER_CLINIC_ADMIN, other.admin());
		this.users.forEach((caller, user) -> this.bearers.put(caller, this.clinic.bearer(user)));
		defineRows();
	}

	private void defineRows() {
		// ------------------------------------------ anon A B X Y admin other
		api("GET /api/v1/therapists", t -> get("/api/v1/therapists").param("clinic", t.clinicId()), 200, 200, 200, 200,
				200, 200, 200);
		api("GET /api/v1/therapists/{id}", t -> get("/api/v1/therapists/{id}", t.therapistX.value()), 200, 200, 200,
				200, 200, 200, 200);
		api("GET /api/v1/therapists/{id}/availability",
				t -> get("/api/v1/therapists/{id}/availability", t.therapistX.value()).param("service", "TREATMENT_60"),
				200, 200, 200, 200, 200, 200, 200);
		api("GET /api/v1/availability",
				t -> get("/api/v1/availability").param("service", "TREATMENT_60").param("clinic", t.clinicId()), 200,
				200, 200, 200, 200, 200, 200);
		api("POST /api/v1/appointments", t -> json(post("/api/v1/appointments"), t.bookingBody(t.nextSlot())), 401, 201,
				403, 403, 403, 201, 404);
		api("GET /api/v1/appointments/{id}", t -> get("/api/v1/appointments/{id}", t.appointment()), 401, 200, 404, 200,
				404, 200, 404);
		api("POST /api/v1/appointments/{id}/cancel",
				t -> json(post("/api/v1/appointments/{id}/cancel", t.appointment()), "{\"reason\": \"matrix\"}"), 401,
				200, 404, 200, 404, 200, 404);
		api("POST /api/v1/appointments/{id}/reschedule",
				t -> json(post("/api/v1/appointments/{id}/reschedule", t.appointment()),
						"{\"start\": \"" + t.nextSlot().format(ISO_OFFSET_DATE_TIME) + "\"}"),
				401, 200, 404, 200, 404, 200, 404);
		// A series: as a booking (the client for themselves, the front desk for any
		// client
		// of the clinic); changing "this and following" needs a session of a series (the
		// matrix appointment is a single one: its parties are told so, others learn
		// nothing).
		api("POST /api/v1/series/check", t -> json(post("/api/v1/series/check"), t.seriesBody(t.nextSlot())), 401, 200,
				403, 403, 403, 200, 404);
		api("POST /api/v1/series", t -> json(post("/api/v1/series"), t.seriesBody(t.nextSlot())), 401, 201, 403, 403,
				403, 201, 404);
		api("POST /api/v1/appointments/{id}/series/cancel",
				t -> json(post("/api/v1/appointments/{id}/series/cancel", t.appointment()),
						"{\"scope\": \"FOLLOWING\", \"reason\": \"matrix\"}"),
				401, 422, 404, 422, 404, 422, 404);
		api("POST /api/v1/appointments/{id}/series/move",
				t -> json(post("/api/v1/appointments/{id}/series/move", t.appointment()),
						"{\"scope\": \"ALL\", \"start\": \"" + t.nextSlot().format(ISO_OFFSET_DATE_TIME) + "\"}"),
				401, 422, 404, 422, 404, 422, 404);
		api("POST /api/v1/auth/token", t -> json(post("/api/v1/auth/token"), "{\"email\": \""
				+ t.users.get(Caller.CLIENT_A).email() + "\", \"password\": \"" + ClinicFixture.PASSWORD + "\"}"), 200,
				200, 200, 200, 200, 200, 200);
		api("POST /api/v1/auth/register", t -> json(post("/api/v1/auth/register"), """
				{"name": "Matrix", "email": "matrix-%s@example.org", "password": "matrix password 2026",
				 "dateOfBirth": "1980-01-01", "consentToTreatment": true, "consentToDataProcessing": true}"""
			.formatted(UUID.randomUUID())), 202, 202, 202, 202, 202, 202, 202);
		// Links work for whoever holds them; an unknown one is refused alike for all.
		api("POST /api/v1/auth/confirm-email",
				t -> json(post("/api/v1/auth/confirm-email"), "{\"token\": \"" + UUID.randomUUID() + "\"}"), 422, 422,
				422, 422, 422, 422, 422);
		api("POST /api/v1/auth/password-reset",
				t -> json(post("/api/v1/auth/password-reset"),
						"{\"email\": \"nobody-" + UUID.randomUUID() + "@example.org\"}"),
				202, 202, 202, 202, 202, 202, 202);
		api("POST /api/v1/auth/password-reset/complete",
				t -> json(post("/api/v1/auth/password-reset/complete"),
						"{\"token\": \"" + UUID.randomUUID() + "\", \"password\": \"matrix password 2026\"}"),
				422, 422, 422, 422, 422, 422, 422);
		// The caller's own password: anyone signed in, and only with the current one.
		api("PUT /api/v1/me/password",
				t -> json(put("/api/v1/me/password"),
						"{\"currentPassword\": \"not the password\", \"newPassword\": \"matrix password 2026\"}"),
				401, 422, 422, 422, 422, 422, 422);
		api("GET /api/v1/me", t -> get("/api/v1/me"), 401, 200, 200, 200, 200, 200, 200);
		api("POST /api/v1/auth/logout", t -> post("/api/v1/auth/logout"), 401, 204, 204, 204, 204, 204, 204);
		api("GET /api/v1/auth/consent-texts", t -> get("/api/v1/auth/consent-texts"), 200, 200, 200, 200, 200, 200,
				200);
		api("POST /api/v1/auth/invitations/accept",
				t -> json(post("/api/v1/auth/invitations/accept"),
						"{\"token\": \"no-such-invitation\", \"password\": \"matrix password 2026\"}"),
				422, 422, 422, 422, 422, 422, 422);
		api("GET /api/v1/me/data", t -> get("/api/v1/me/data"), 401, 200, 200, 403, 403, 403, 403);
		api("GET /api/v1/me/profile", t -> get("/api/v1/me/profile"), 401, 200, 200, 403, 403, 403, 403);
		api("PUT /api/v1/me/profile",
				t -> json(put("/api/v1/me/profile"), "{\"name\": \"New Name\", \"phone\": \"+49 1\"}"), 401, 200, 200,
				403, 403, 403, 403);
		api("GET /api/v1/therapists/{id}/schedule",
				t -> get("/api/v1/therapists/{id}/schedule", t.therapistX.value())
					.param("from", t.clinic.today().toString())
					.param("to", t.clinic.today().plusDays(14).toString()),
				401, 403, 403, 200, 403, 200, 404);
		// Client A's record, after A has had a session with X (and never with Y).
		api("GET /api/v1/clients/{id}", t -> {
			t.appointment();
			return get("/api/v1/clients/{id}", t.clientA.value());
		}, 401, 200, 404, 200, 404, 200, 404);
		// Client A's intake: A, the front desk, and X (who has an appointment with A) see
		// it; a
		// therapist may not fill one in; clearances and overrides are for the clinic's
		// staff.
		api("POST /api/v1/clients/{clientId}/intakes",
				t -> json(post("/api/v1/clients/{id}/intakes", t.clientA.value()), t.intakeBody(false)), 401, 201, 404,
				403, 403, 201, 404);
		api("GET /api/v1/clients/{clientId}/intakes", t -> get("/api/v1/clients/{id}/intakes", t.intakeOfA()), 401, 200,
				404, 200, 404, 200, 404);
		api("GET /api/v1/clients/{clientId}/intakes/latest",
				t -> get("/api/v1/clients/{id}/intakes/latest", t.intakeOfA()), 401, 200, 404, 200, 404, 200, 404);
		api("GET /api/v1/intakes/{id}", t -> get("/api/v1/intakes/{id}", t.intake(false)), 401, 200, 404, 200, 404, 200,
				404);
		api("POST /api/v1/intakes/{id}/clearance",
				t -> json(post("/api/v1/intakes/{id}/clearance", t.intake(true)),
						"{\"clearedBy\": \"Dr. Matrix\", \"clearedOn\": \"" + t.clinic.today() + "\"}"),
				401, 404, 404, 201, 404, 201, 404);
		api("POST /api/v1/intakes/{id}/overrides", t -> json(post("/api/v1/intakes/{id}/overrides", t.intake(false)),
				"{\"techniques\": [\"SWEDISH\"], \"initialSessions\": 4, \"everyDays\": 7, \"note\": \"matrix\"}"), 401,
				403, 404, 201, 404, 201, 404);
		api("GET /api/v1/intake/rules", t -> get("/api/v1/intake/rules"), 200, 200, 200, 200, 200, 200, 200);
		api("GET /api/v1/intake/questionnaire", t -> get("/api/v1/intake/questionnaire"), 200, 200, 200, 200, 200, 200,
				200);
		// Reviews: A has had a completed session with X and reviewed X.
		api("PUT /api/v1/therapists/{id}/review",
				t -> json(put("/api/v1/therapists/{id}/review", t.therapistX.value()),
						t.completedSessionOfAWithX()
								+ "{\"ratings\": {\"listening\": 5, \"comfort\": 4, \"effect\": 4}, \"text\": \"ok\"}"),
				401, 200, 422, 403, 403, 403, 403);
		api("GET /api/v1/therapists/{id}/reviews", t -> get("/api/v1/therapists/{id}/reviews", t.therapistX.value()),
				200, 200, 200, 200, 200, 200, 200);
		api("POST /api/v1/reviews/{id}/reply",
				t -> json(post("/api/v1/reviews/{id}/reply", t.reviewOfXByA()), "{\"text\": \"Thank you\"}"), 401, 404,
				404, 200, 404, 403, 404);
		api("GET /api/v1/reviews/{id}/history", t -> get("/api/v1/reviews/{id}/history", t.reviewOfXByA()), 401, 200,
				404, 404, 404, 200, 404);
		api("GET /api/v1/admin/reviews", t -> get("/api/v1/admin/reviews"), 401, 403, 403, 403, 403, 200, 200);
		api("POST /api/v1/admin/reviews/{id}/hide",
				t -> json(post("/api/v1/admin/reviews/{id}/hide", t.reviewOfXByA()), "{\"reason\": \"matrix\"}"), 401,
				403, 403, 403, 403, 200, 404);
		api("POST /api/v1/appointments/{id}/no-show",
				t -> post("/api/v1/appointments/{id}/no-show", t.startedSessionOfAWithX()), 401, 403, 404, 200, 404,
				200, 404);
		api("POST /api/v1/appointments/{id}/complete",
				t -> post("/api/v1/appointments/{id}/complete", t.startedSessionOfAWithX()), 401, 403, 404, 200, 404,
				200, 404);
		// A's matches: A and the front desk; the clinic's therapists are told why not,
		// others learn nothing.
		api("GET /api/v1/clients/{id}/matches", t -> get("/api/v1/clients/{id}/matches", t.clientA.value()), 401, 200,
				404, 403, 403, 200, 404);
		// The front desk: credentials of therapist X, the work list, how client A found
		// the clinic.
		api("GET /api/v1/admin/dashboard", t -> get("/api/v1/admin/dashboard"), 401, 403, 403, 403, 403, 200, 200);
		api("GET /api/v1/admin/therapists/{id}/credentials",
				t -> get("/api/v1/admin/therapists/{id}/credentials", t.therapistX.value()), 401, 403, 403, 403, 403,
				200, 404);
		api("POST /api/v1/admin/therapists/{id}/licences",
				t -> json(post("/api/v1/admin/therapists/{id}/licences", t.therapistX.value()),
						t.licenceBody(UUID.randomUUID().toString())),
				401, 403, 403, 403, 403, 201, 404);
		api("POST /api/v1/admin/therapists/{id}/licences/verify",
				t -> json(post("/api/v1/admin/therapists/{id}/licences/verify", t.therapistX.value()),
						"{\"jurisdiction\": \"Matrix\", \"number\": \"" + t.extraLicenceOfX() + "\"}"),
				401, 403, 403, 403, 403, 200, 404);
		api("POST /api/v1/admin/therapists/{id}/licences/end",
				t -> json(post("/api/v1/admin/therapists/{id}/licences/end", t.therapistX.value()),
						"{\"jurisdiction\": \"Matrix\", \"number\": \"" + t.extraLicenceOfX() + "\", \"validUntil\": \""
								+ t.clinic.today().plusYears(2) + "\"}"),
				401, 403, 403, 403, 403, 200, 404);
		api("POST /api/v1/admin/therapists/{id}/certifications",
				t -> json(post("/api/v1/admin/therapists/{id}/certifications", t.therapistX.value()),
						"{\"technique\": \"MYOFASCIAL_RELEASE\"}"),
				401, 403, 403, 403, 403, 201, 404);
		api("POST /api/v1/admin/therapists/{id}/certifications/verify",
				t -> json(post("/api/v1/admin/therapists/{id}/certifications/verify", t.therapistX.value()),
						"{\"technique\": \"SWEDISH\"}"),
				401, 403, 403, 403, 403, 200, 404);
		api("PUT /api/v1/clients/{id}/found-via",
				t -> json(put("/api/v1/clients/{id}/found-via", t.clientA.value()), "{\"foundVia\": \"FRIEND\"}"), 401,
				204, 404, 404, 404, 204, 404);
		api("GET /api/v1/admin/audit", t -> get("/api/v1/admin/audit"), 401, 403, 403, 403, 403, 200, 200);
		api("GET /api/v1/admin/accounts", t -> get("/api/v1/admin/accounts"), 401, 403, 403, 403, 403, 200, 200);
		api("POST /api/v1/admin/accounts/{id}/disable",
				t -> post("/api/v1/admin/accounts/{id}/disable", t.clinic.signedIn(t.clinic.client()).id().value()),
				401, 403, 403, 403, 403, 204, 404);
		api("POST /api/v1/admin/invitations",
				t -> json(post("/api/v1/admin/invitations"),
						"{\"email\": \"invited-" + UUID.randomUUID() + "@example.org\", \"role\": \"ADMIN\"}"),
				401, 403, 403, 403, 403, 201, 201);

		page("GET /", t -> get("/"), 200, 200, 200, 200, 200, 200, 200);
		page("GET /login", t -> get("/login"), 200, 200, 200, 200, 200, 200, 200);
		page("GET /register", t -> get("/register"), 200, 200, 200, 200, 200, 200, 200);
		page("POST /register",
				t -> post("/register").param("name", "Matrix")
					.param("email", "matrix-" + UUID.randomUUID() + "@example.org")
					.param("password", "matrix password 2026")
					.param("dateOfBirth", "1980-01-01")
					.param("consentToTreatment", "true")
					.param("consentToDataProcessing", "true"),
				200, 200, 200, 200, 200, 200, 200);
		page("GET /confirm-email", t -> get("/confirm-email").param("token", "x"), 200, 200, 200, 200, 200, 200, 200);
		page("POST /confirm-email", t -> post("/confirm-email").param("token", "x"), 200, 200, 200, 200, 200, 200, 200);
		page("GET /password-reset", t -> get("/password-reset"), 200, 200, 200, 200, 200, 200, 200);
		page("POST /password-reset",
				t -> post("/password-reset").param("email", "nobody-" + UUID.randomUUID() + "@example.org"), 200, 200,
				200, 200, 200, 200, 200);
		page("GET /password-reset/new", t -> get("/password-reset/new").param("token", "x"), 200, 200, 200, 200, 200,
				200, 200);
		page("POST /password-reset/new",
				t -> post("/password-reset/new").param("token", "x").param("password", "matrix password 2026"), 200,
				200, 200, 200, 200, 200, 200);
		page("GET /invitation", t -> get("/invitation").param("token", "x"), 200, 200, 200, 200, 200, 200, 200);
		page("POST /invitation", t -> post("/invitation").param("token", "x").param("password", "matrix password 2026"),
				200, 200, 200, 200, 200, 200, 200);
		page("GET /account/password", t -> get("/account/password"), 302, 200, 200, 200, 200, 200, 200);
		page("POST /account/password", t -> post("/account/password").param("currentPassword", "not the password")
			.param("password", "matrix password 2026"), 302, 200, 200, 200, 200, 200, 200);
		// Anonymous callers are sent to sign in (302); signed-in callers whose role may
		// not book get 403.
		page("GET /book", t -> get("/book").param("therapist", t.therapistX.toString()), 302, 200, 200, 403, 403, 200,
				404);
		page("GET /book/slots",
				t -> get("/book/slots").param("therapist", t.therapistX.toString())
					.param("service", "TREATMENT_60")
					.param("date", t.clinic.today().plusDays(3).toString()),
				302, 200, 200, 403, 403, 200, 200);
		// Refusals on the booking page are shown on the page (200), successes redirect
		// (302); the other
		// clinic's admin has no therapists to fall back to, so learns only "not found".
		page("POST /book",
				t -> post("/book").param("therapist", t.therapistX.toString())
					.param("service", "TREATMENT_60")
					.param("client", t.clientA.toString())
					.param("start", t.nextSlot().toString()),
				302, 302, 200, 403, 403, 302, 404);
		page("GET /appointments/{id}", t -> get("/appointments/{id}", t.appointment()), 302, 200, 404, 200, 404, 200,
				404);
		page("GET /intake", t -> get("/intake"), 302, 200, 200, 403, 403, 200, 200);
		// Client B's form is B's own intake; the other clinic's admin is told on the page
		// that A is unknown.
		page("POST /intake", t -> post("/intake").params(t.intakeForm()), 302, 302, 302, 403, 403, 302, 200);
		// A therapist's own day; the front desk chooses whose (no one else may).
		// A client's own appointments; cancelling from a page follows the API's rules
		// (parties of the session).
		page("GET /me/appointments", t -> get("/me/appointments"), 302, 200, 200, 403, 403, 403, 403);
		page("POST /appointments/{id}/cancel",
				t -> post("/appointments/{id}/cancel", t.appointment()).param("reason", "matrix"), 302, 302, 404, 302,
				404, 302, 404);
		page("GET /appointments/{id}/calendar.ics", t -> get("/appointments/{id}/calendar.ics", t.appointment()), 302,
				200, 404, 200, 404, 200, 404);
		page("GET /day", t -> get("/day"), 302, 403, 403, 200, 200, 200, 200);
		// The clinic calendar is the front desk's (each admin sees their own clinic's).
		page("GET /calendar", t -> get("/calendar"), 302, 403, 403, 403, 403, 200, 200);
		// Moving a session: its parties (the front desk may also reassign it); a move
		// goes back to the caller's own page.
		page("GET /appointments/{id}/move", t -> get("/appointments/{id}/move", t.appointment()), 302, 200, 404, 200,
				404, 200, 404);
		page("POST /appointments/{id}/move",
				t -> post("/appointments/{id}/move", t.appointment()).param("start", t.nextSlot().toString()), 302, 302,
				404, 302, 404, 302, 404);
		// A client's own details, data and erasure (the form refuses without the tick, so
		// nothing is erased here).
		page("GET /me", t -> get("/me"), 302, 200, 200, 403, 403, 403, 403);
		page("POST /me/profile", t -> post("/me/profile").param("name", "Matrix").param("phone", "+49 1"), 302, 302,
				302, 403, 403, 403, 403);
		page("GET /me/data", t -> get("/me/data"), 302, 200, 200, 403, 403, 403, 403);
		page("POST /me/erasure", t -> post("/me/erasure"), 302, 200, 200, 403, 403, 403, 403);
		// Clinic set-up: the clinic's own admins (another clinic's admin sets up their
		// own
		// clinic, and learns nothing of this one's therapists and accounts).
		api("GET /api/v1/admin/clinic", t -> get("/api/v1/admin/clinic"), 401, 403, 403, 403, 403, 200, 200);
		api("PUT /api/v1/admin/clinic", t -> json(put("/api/v1/admin/clinic"), t.settingsBody()), 401, 403, 403, 403,
				403, 200, 200);
		api("PUT /api/v1/admin/therapists/{id}/hours",
				t -> json(put("/api/v1/admin/therapists/{id}/hours", t.therapistX.value()), t.hoursBody()), 401, 403,
				403, 403, 403, 200, 404);
		api("POST /api/v1/admin/therapists/{id}/time-off",
				t -> json(post("/api/v1/admin/therapists/{id}/time-off", t.therapistX.value()), t.timeOffBody()), 401,
				403, 403, 403, 403, 201, 404);
		api("DELETE /api/v1/admin/therapists/{id}/time-off/{timeOffId}",
				t -> delete("/api/v1/admin/therapists/{id}/time-off/{off}", t.therapistX.value(), t.timeOff()), 401,
				403, 403, 403, 403, 204, 404);
		api("POST /api/v1/admin/accounts/{id}/enable",
				t -> post("/api/v1/admin/accounts/{id}/enable", t.spareAccount()), 401, 403, 403, 403, 403, 204, 404);
		api("PUT /api/v1/admin/accounts/{id}/role",
				t -> json(put("/api/v1/admin/accounts/{id}/role", t.spareAccount()),
						"{\"role\": \"THERAPIST\", \"therapistId\": \"" + t.therapistX + "\"}"),
				401, 403, 403, 403, 403, 204, 404);
		api("POST /api/v1/admin/therapists", t -> json(post("/api/v1/admin/therapists"), t.profileBody()), 401, 403,
				403, 403, 403, 201, 201);
		api("PUT /api/v1/admin/therapists/{id}",
				t -> json(put("/api/v1/admin/therapists/{id}", t.therapistX.value()), t.profileBody()), 401, 403, 403,
				403, 403, 204, 404);
		// "Comes back" on a therapist who never left: allowed and a no-op, so later rows
		// can still book them.
		api("PUT /api/v1/admin/therapists/{id}/active",
				t -> json(put("/api/v1/admin/therapists/{id}/active", t.therapistX.value()), "{\"active\": true}"), 401,
				403, 403, 403, 403, 204, 404);
		page("POST /admin/therapists/{id}/active",
				t -> post("/admin/therapists/{id}/active", t.therapistX.value()).param("active", "true"), 302, 403, 403,
				403, 403, 302, 404);
		page("GET /admin/therapists/new", t -> get("/admin/therapists/new"), 302, 403, 403, 403, 403, 200, 200);
		page("POST /admin/therapists/new",
				t -> post("/admin/therapists/new").param("name", "Matrix Therapist").param("years", "3"), 302, 403, 403,
				403, 403, 302, 302);
		page("POST /admin/therapists/{id}/profile",
				t -> post("/admin/therapists/{id}/profile", t.therapistX.value()).param("name", "Matrix Therapist")
					.param("years", "3"),
				302, 403, 403, 403, 403, 302, 404);
		api("GET /api/v1/admin/services", t -> get("/api/v1/admin/services"), 401, 403, 403, 403, 403, 200, 200);
		api("PUT /api/v1/admin/services/{code}",
				t -> json(put("/api/v1/admin/services/{code}", "TREATMENT_60"),
						"{\"name\": \"Treatment, 60 minutes\", \"durationMinutes\": 60, \"bufferMinutes\": 15}"),
				401, 403, 403, 403, 403, 200, 200);
		// "Offer again" a service on offer: allowed and a no-op, so later rows can still
		// book it.
		api("PUT /api/v1/admin/services/{code}/offered",
				t -> json(put("/api/v1/admin/services/{code}/offered", "TREATMENT_90"), "{\"offered\": true}"), 401,
				403, 403, 403, 403, 200, 200);
		page("POST /admin/services/{code}/offered",
				t -> post("/admin/services/{code}/offered", "TREATMENT_90").param("offered", "true"), 302, 403, 403,
				403, 403, 302, 302);
		page("POST /admin/services",
				t -> post("/admin/services").param("code", "TREATMENT_60")
					.param("name", "Treatment, 60 minutes")
					.param("minutes", "60")
					.param("rest", "15"),
				302, 403, 403, 403, 403, 302, 302);
		page("GET /admin/accounts", t -> get("/admin/accounts"), 302, 403, 403, 403, 403, 200, 200);
		// The clinic's mail: its own admins; another clinic's admin sees their own
		// mailbox and
		// none of this clinic's invites.
		page("GET /admin/mailbox", t -> get("/admin/mailbox"), 302, 403, 403, 403, 403, 200, 200);
		// A therapist's own feed: opened, replaced and stopped by therapists only; its
		// address needs no sign-in, and an unknown one is not found by anyone.
		page("GET /calendar-feed/{token}.ics", t -> get("/calendar-feed/{token}.ics", "no-such-feed"), 404, 404, 404,
				404, 404, 404, 404);
		api("POST /api/v1/me/calendar-feed", t -> post("/api/v1/me/calendar-feed"), 401, 403, 403, 201, 201, 403, 403);
		api("DELETE /api/v1/me/calendar-feed", t -> delete("/api/v1/me/calendar-feed"), 401, 403, 403, 204, 204, 403,
				403);
		page("GET /my-calendar-feed", t -> get("/my-calendar-feed"), 302, 403, 403, 200, 200, 403, 403);
		page("POST /my-calendar-feed", t -> post("/my-calendar-feed"), 302, 403, 403, 200, 200, 403, 403);
		page("POST /my-calendar-feed/stop", t -> post("/my-calendar-feed/stop"), 302, 403, 403, 200, 200, 403, 403);
		// The waitlist: a client's own places and offers, the front desk's for its
		// clinic's
		// clients; therapists have none, and nobody else learns one exists. Joins come
		// first, before A's five places are taken.
		api("POST /api/v1/waitlist", t -> json(post("/api/v1/waitlist"), t.waitlistBody()), 401, 201, 404, 403, 403,
				201, 404);
		page("POST /me/waitlist", t -> post("/me/waitlist").params(t.waitlistForm()), 302, 302, 302, 403, 403, 403,
				403);
		// The other clinic's admin is told on the page that A is unknown.
		page("POST /admin/waitlist", t -> post("/admin/waitlist").params(t.waitlistForm()), 302, 403, 403, 403, 403,
				302, 200);
		api("GET /api/v1/waitlist", t -> get("/api/v1/waitlist"), 401, 200, 200, 403, 403, 200, 200);
		api("GET /api/v1/waitlist/{id}", t -> get("/api/v1/waitlist/{id}", t.waitingRequestOfA()), 401, 200, 404, 404,
				404, 200, 404);
		api("DELETE /api/v1/waitlist/{id}", t -> delete("/api/v1/waitlist/{id}", t.waitingRequestOfA()), 401, 204, 404,
				404, 404, 204, 404);
		api("GET /api/v1/waitlist/offers/{id}", t -> get("/api/v1/waitlist/offers/{id}", t.offerToA()), 401, 200, 404,
				404, 404, 200, 404);
		api("POST /api/v1/waitlist/offers/{id}/accept", t -> post("/api/v1/waitlist/offers/{id}/accept", t.offerToA()),
				401, 201, 404, 404, 404, 201, 404);
		api("POST /api/v1/waitlist/offers/{id}/decline",
				t -> post("/api/v1/waitlist/offers/{id}/decline", t.offerToA()), 401, 204, 404, 404, 404, 204, 404);
		page("GET /me/waitlist", t -> get("/me/waitlist"), 302, 200, 200, 403, 403, 403, 403);
		page("POST /me/waitlist/{id}/withdraw", t -> post("/me/waitlist/{id}/withdraw", t.waitingRequestOfA()), 302,
				302, 404, 403, 403, 403, 403);
		page("GET /me/waitlist/offers/{id}", t -> get("/me/waitlist/offers/{id}", t.offerToA()), 302, 200, 404, 403,
				403, 403, 403);
		page("POST /me/waitlist/offers/{id}/accept", t -> post("/me/waitlist/offers/{id}/accept", t.offerToA()), 302,
				302, 404, 403, 403, 403, 403);
		page("POST /me/waitlist/offers/{id}/decline", t -> post("/me/waitlist/offers/{id}/decline", t.offerToA()), 302,
				302, 404, 403, 403, 403, 403);
		// Session notes: the session's therapist writes, signs, amends and shares; the
		// care
		// team reads what is signed; the client what is shared (A's is not, here).
		api("GET /api/v1/appointments/{id}/note", t -> get("/api/v1/appointments/{id}/note", t.signedSessionOfAWithX()),
				401, 404, 404, 200, 404, 200, 404);
		api("PUT /api/v1/appointments/{id}/note",
				t -> json(put("/api/v1/appointments/{id}/note", t.startedSessionOfAWithX()), "{\"plan\": \"Matrix\"}"),
				401, 404, 404, 200, 403, 403, 404);
		api("POST /api/v1/appointments/{id}/note/from-last",
				t -> post("/api/v1/appointments/{id}/note/from-last", t.startedSessionOfAWithX()), 401, 404, 404, 422,
				403, 403, 404);
		api("POST /api/v1/appointments/{id}/note/signature",
				t -> post("/api/v1/appointments/{id}/note/signature", t.draftSessionOfAWithX()), 401, 404, 404, 200,
				403, 403, 404);
		api("POST /api/v1/notes/{id}/amendments",
				t -> json(post("/api/v1/notes/{id}/amendments", t.signedNoteOfAWithX()),
						"{\"reason\": \"Matrix\", \"text\": \"Matrix\"}"),
				401, 404, 404, 201, 403, 403, 404);
		api("PUT /api/v1/notes/{id}/sharing",
				t -> json(put("/api/v1/notes/{id}/sharing", t.signedNoteOfAWithX()), "{\"shared\": false}"), 401, 404,
				404, 200, 403, 403, 404);
		api("GET /api/v1/notes/{id}", t -> get("/api/v1/notes/{id}", t.signedNoteOfAWithX()), 401, 404, 404, 200, 404,
				200, 404);
		api("GET /api/v1/clients/{id}/notes", t -> get("/api/v1/clients/{id}/notes", t.clientA.value()), 401, 200, 404,
				200, 404, 200, 404);
		api("GET /api/v1/notes/due", t -> get("/api/v1/notes/due"), 401, 403, 403, 200, 200, 200, 200);
		api("GET /api/v1/admin/note-retention", t -> get("/api/v1/admin/note-retention"), 401, 403, 403, 403, 403, 200,
				200);
		api("PUT /api/v1/admin/note-retention", t -> json(put("/api/v1/admin/note-retention"), "{\"years\": 10}"), 401,
				403, 403, 403, 403, 200, 200);
		page("GET /me/notes", t -> get("/me/notes"), 302, 200, 200, 403, 403, 403, 403);
		page("GET /sessions/{id}/note", t -> get("/sessions/{id}/note", t.signedSessionOfAWithX()), 302, 404, 404, 200,
				404, 200, 404);
		page("POST /sessions/{id}/note",
				t -> post("/sessions/{id}/note", t.startedSessionOfAWithX()).param("plan", "Matrix"), 302, 404, 404,
				302, 403, 403, 404);
		page("POST /sessions/{id}/note/from-last",
				t -> post("/sessions/{id}/note/from-last", t.startedSessionOfAWithX()), 302, 404, 404, 302, 403, 403,
				404);
		page("POST /sessions/{id}/note/sign", t -> post("/sessions/{id}/note/sign", t.draftSessionOfAWithX()), 302, 404,
				404, 302, 403, 403, 404);
		page("POST /notes/{id}/amend", t -> post("/notes/{id}/amend", t.signedNoteOfAWithX()).param("reason", "Matrix")
			.param("text", "Matrix"), 302, 404, 404, 302, 404, 403, 404);
		page("POST /notes/{id}/share", t -> post("/notes/{id}/share", t.signedNoteOfAWithX()).param("shared", "true"),
				302, 404, 404, 302, 404, 403, 404);
		// Session feedback: the session's client gives it; the care team reads it.
		api("GET /api/v1/appointments/{id}/feedback",
				t -> get("/api/v1/appointments/{id}/feedback", t.feedbackOfAOnASessionWithX()), 401, 200, 404, 200, 404,
				200, 404);
		api("PUT /api/v1/appointments/{id}/feedback",
				t -> json(put("/api/v1/appointments/{id}/feedback", t.recentSessionOfAWithX()),
						"{\"overallPressure\": \"RIGHT\"}"),
				401, 200, 404, 403, 403, 403, 404);
		api("GET /api/v1/clients/{id}/feedback", t -> get("/api/v1/clients/{id}/feedback", t.clientA.value()), 401, 200,
				404, 200, 404, 200, 404);
		page("GET /me/sessions/{id}/feedback", t -> get("/me/sessions/{id}/feedback", t.recentSessionOfAWithX()), 302,
				200, 404, 403, 403, 403, 403);
		page("POST /me/sessions/{id}/feedback",
				t -> post("/me/sessions/{id}/feedback", t.recentSessionOfAWithX()).param("overallPressure", "RIGHT"),
				302, 302, 404, 403, 403, 403, 403);
		// The next session's plan: the care team reads the proposal, the session's
		// therapist
		// decides; the rules are public.
		api("GET /api/v1/appointments/{id}/proposal",
				t -> get("/api/v1/appointments/{id}/proposal", t.plannedSessionOfAWithX()), 401, 403, 404, 200, 404,
				200, 404);
		api("POST /api/v1/appointments/{id}/proposal/decisions",
				t -> json(post("/api/v1/appointments/{id}/proposal/decisions", t.plannedSessionOfAWithX()),
						"{\"decision\": \"ACCEPTED\", \"reason\": \"Matrix\"}"),
				401, 404, 404, 201, 403, 403, 404);
		api("GET /api/v1/plan/rules", t -> get("/api/v1/plan/rules"), 200, 200, 200, 200, 200, 200, 200);
		page("GET /clients/{id}/chart", t -> get("/clients/{id}/chart", t.clientA.value()), 302, 403, 404, 200, 404,
				200, 404);
		page("POST /sessions/{id}/proposal",
				t -> post("/sessions/{id}/proposal", t.plannedSessionOfAWithX()).param("decision", "ACCEPTED")
					.param("reason", "Matrix"),
				302, 404, 404, 302, 403, 403, 404);
		// Outcomes: the care team reads a client's progress and report; the client (or
		// the
		// front desk) answers a follow-up; the care team's staff choose the baseline; a
		// therapist who treats the client signs a summary; the clinic's figures are the
		// admins'.
		api("GET /api/v1/clients/{id}/outcomes", t -> get("/api/v1/clients/{id}/outcomes", t.intakeOfA()), 401, 200,
				404, 200, 404, 200, 404);
		api("POST /api/v1/clients/{id}/follow-ups", t -> json(post("/api/v1/clients/{id}/follow-ups", t.intakeOfA()),
				org.backcare.outcomes.FollowUpExamples.BODY), 401, 201, 404, 403, 403, 201, 404);
		api("PUT /api/v1/clients/{id}/outcomes/baseline",
				t -> json(put("/api/v1/clients/{id}/outcomes/baseline", t.clientA.value()),
						"{\"measurementId\": \"" + t.intake(false) + "\", \"reason\": \"Matrix\"}"),
				401, 403, 404, 200, 404, 200, 404);
		api("POST /api/v1/clients/{id}/progress-summaries",
				t -> json(post("/api/v1/clients/{id}/progress-summaries", t.intakeOfA()),
						"{\"from\": \"" + t.clinic.today().minusDays(7) + "\", \"to\": \"" + t.clinic.today()
								+ "\", \"summary\": \"Matrix\"}"),
				401, 403, 404, 201, 403, 403, 404);
		api("GET /api/v1/clients/{id}/progress-summaries",
				t -> get("/api/v1/clients/{id}/progress-summaries", t.intakeOfA()), 401, 200, 404, 200, 404, 200, 404);
		api("GET /api/v1/clients/{id}/progress-report", t -> get("/api/v1/clients/{id}/progress-report", t.intakeOfA()),
				401, 200, 404, 200, 404, 200, 404);
		api("GET /api/v1/admin/outcomes", t -> get("/api/v1/admin/outcomes"), 401, 403, 403, 403, 403, 200, 200);
		api("GET /api/v1/admin/follow-up-schedule", t -> get("/api/v1/admin/follow-up-schedule"), 401, 403, 403, 403,
				403, 200, 200);
		api("PUT /api/v1/admin/follow-up-schedule",
				t -> json(put("/api/v1/admin/follow-up-schedule"), "{\"afterInitialPhase\": true, \"everyWeeks\": 4}"),
				401, 403, 403, 403, 403, 200, 200);
		page("GET /me/progress", t -> get("/me/progress"), 302, 200, 200, 403, 403, 403, 403);
		page("GET /clients/{id}/progress", t -> get("/clients/{id}/progress", t.intakeOfA()), 302, 200, 404, 200, 404,
				200, 404);
		page("GET /clients/{id}/progress/charts", t -> get("/clients/{id}/progress/charts", t.intakeOfA()), 302, 200,
				404, 200, 404, 200, 404);
		page("GET /me/progress/report.pdf", t -> get("/me/progress/report.pdf"), 302, 200, 200, 403, 403, 403, 403);
		page("GET /clients/{id}/progress/report.pdf", t -> get("/clients/{id}/progress/report.pdf", t.intakeOfA()), 302,
				200, 404, 200, 404, 200, 404);
		page("POST /clients/{id}/progress/baseline",
				t -> post("/clients/{id}/progress/baseline", t.clientA.value())
					.param("measurementId", t.intake(false).toString())
					.param("reason", "Matrix"),
				302, 403, 404, 302, 404, 302, 404);
		page("POST /clients/{id}/progress/summary",
				t -> post("/clients/{id}/progress/summary", t.intakeOfA())
					.param("from", t.clinic.today().minusDays(7).toString())
					.param("to", t.clinic.today().toString())
					.param("summary", "Matrix"),
				302, 403, 404, 302, 403, 403, 404);
		page("GET /me/follow-up", t -> get("/me/follow-up"), 302, 200, 200, 403, 403, 403, 403);
		page("POST /me/follow-up", t -> {
			t.intakeOfA();
			return post("/me/follow-up").params(org.backcare.outcomes.FollowUpExamples.form());
		}, 302, 302, 302, 403, 403, 403, 403);
		page("GET /admin/outcomes", t -> get("/admin/outcomes"), 302, 403, 403, 403, 403, 200, 200);
		page("POST /admin/outcomes/schedule",
				t -> post("/admin/outcomes/schedule").param("afterInitialPhase", "true").param("everyWeeks", "4"), 302,
				403, 403, 403, 403, 302, 302);
		// Home care: the care team reads a client's plan, log and adherence; the staff
		// who treat the client write the plan; the client logs and sets their own
		// reminders (a client without a plan is told there is none); the nudge setting
		// is the admins'.
		api("GET /api/v1/clients/{id}/home-plan", t -> get("/api/v1/clients/{id}/home-plan", t.homePlanOfA()), 401, 200,
				404, 200, 404, 200, 404);
		api("GET /api/v1/clients/{id}/home-plan/versions",
				t -> get("/api/v1/clients/{id}/home-plan/versions", t.homePlanOfA()), 401, 200, 404, 200, 404, 200,
				404);
		api("GET /api/v1/clients/{id}/home-plan/offer",
				t -> get("/api/v1/clients/{id}/home-plan/offer", t.homePlanOfA()), 401, 403, 404, 200, 403, 200, 404);
		api("PUT /api/v1/clients/{id}/home-plan",
				t -> json(put("/api/v1/clients/{id}/home-plan", t.homePlanOfA()),
						"{\"items\": [{\"item\": \"walk\", \"daysPerWeek\": 5, \"minutes\": 30}]}"),
				401, 403, 404, 200, 403, 200, 404);
		api("POST /api/v1/clients/{id}/home-log",
				t -> json(post("/api/v1/clients/{id}/home-log", t.homePlanOfA()),
						"{\"item\": \"walk\", \"day\": \"" + t.clinic.today() + "\", \"done\": true}"),
				401, 201, 404, 403, 403, 403, 404);
		api("GET /api/v1/me/home-reminders", t -> get("/api/v1/me/home-reminders"), 401, 200, 200, 403, 403, 403, 403);
		api("PUT /api/v1/me/home-reminders", t -> {
			t.homePlanOfA();
			return json(put("/api/v1/me/home-reminders"),
					"{\"zone\": \"Europe/Berlin\", \"reminders\": [{\"item\": \"walk\", \"at\": \"08:00\", \"days\": [\"MONDAY\"]}]}");
		}, 401, 200, 422, 403, 403, 403, 403);
		api("POST /api/v1/me/home-reminders/pause", t -> {
			t.remindersOfA();
			return post("/api/v1/me/home-reminders/pause");
		}, 401, 200, 422, 403, 403, 403, 403);
		api("POST /api/v1/me/home-reminders/resume", t -> {
			t.remindersOfA();
			return post("/api/v1/me/home-reminders/resume");
		}, 401, 200, 422, 403, 403, 403, 403);
		api("GET /api/v1/admin/home-care", t -> get("/api/v1/admin/home-care"), 401, 403, 403, 403, 403, 200, 200);
		api("PUT /api/v1/admin/home-care", t -> json(put("/api/v1/admin/home-care"), "{\"nudgeAfterDays\": 3}"), 401,
				403, 403, 403, 403, 200, 200);
		page("GET /me/home", t -> {
			t.homePlanOfA();
			return get("/me/home");
		}, 302, 200, 200, 403, 403, 403, 403);
		page("POST /me/home/log", t -> {
			t.homePlanOfA();
			return post("/me/home/log").param("item", "walk")
				.param("day", t.clinic.today().toString())
				.param("done", "true");
		}, 302, 302, 422, 403, 403, 403, 403);
		page("GET /me/home/reminders", t -> {
			t.homePlanOfA();
			return get("/me/home/reminders");
		}, 302, 200, 200, 403, 403, 403, 403);
		page("POST /me/home/reminders", t -> {
			t.homePlanOfA();
			return post("/me/home/reminders").param("zone", "Europe/Berlin")
				.param("item", "walk")
				.param("times-walk", "08:00")
				.param("days-walk", "MONDAY");
		}, 302, 302, 422, 403, 403, 403, 403);
		page("POST /me/home/reminders/pause", t -> {
			t.remindersOfA();
			return post("/me/home/reminders/pause");
		}, 302, 302, 422, 403, 403, 403, 403);
		page("POST /me/home/reminders/resume", t -> {
			t.remindersOfA();
			return post("/me/home/reminders/resume");
		}, 302, 302, 422, 403, 403, 403, 403);
		page("GET /clients/{id}/home-plan", t -> get("/clients/{id}/home-plan", t.homePlanOfA()), 302, 200, 404, 200,
				404, 200, 404);
		page("GET /clients/{id}/home-plan/adherence", t -> get("/clients/{id}/home-plan/adherence", t.homePlanOfA()),
				302, 200, 404, 200, 404, 200, 404);
		page("POST /clients/{id}/home-plan",
				t -> post("/clients/{id}/home-plan", t.homePlanOfA()).param("include", "walk")
					.param("often-walk", "5")
					.param("unit-walk", "week")
					.param("minutes-walk", "30"),
				302, 403, 404, 302, 403, 302, 404);
		page("GET /admin/home-care", t -> get("/admin/home-care"), 302, 403, 403, 403, 403, 200, 200);
		page("POST /admin/home-care", t -> post("/admin/home-care").param("nudgeAfterDays", "3"), 302, 403, 403, 403,
				403, 302, 302);
		page("GET /admin/waitlist", t -> get("/admin/waitlist"), 302, 403, 403, 403, 403, 200, 200);
		page("POST /admin/waitlist/{id}/withdraw", t -> post("/admin/waitlist/{id}/withdraw", t.waitingRequestOfA()),
				302, 403, 403, 403, 403, 302, 404);
		page("POST /admin/invitations",
				t -> post("/admin/invitations").param("email", "invited-" + UUID.randomUUID() + "@example.org")
					.param("role", "ADMIN"),
				302, 403, 403, 403, 403, 302, 302);
		page("GET /admin/mailbox/{id}/invite.ics", t -> get("/admin/mailbox/{id}/invite.ics", t.mail()), 302, 403, 403,
				403, 403, 200, 404);
		page("POST /admin/accounts/{id}/disable", t -> post("/admin/accounts/{id}/disable", t.spareAccount()), 302, 403,
				403, 403, 403, 302, 404);
		page("POST /admin/accounts/{id}/enable", t -> post("/admin/accounts/{id}/enable", t.spareAccount()), 302, 403,
				403, 403, 403, 302, 404);
		page("POST /admin/accounts/{id}/role",
				t -> post("/admin/accounts/{id}/role", t.spareAccount()).param("role", "THERAPIST")
					.param("therapist", t.therapistX.toString()),
				302, 403, 403, 403, 403, 302, 404);
		page("GET /admin/clinic", t -> get("/admin/clinic"), 302, 403, 403, 403, 403, 200, 200);
		page("POST /admin/clinic",
				t -> post("/admin/clinic").param("name", "Matrix clinic")
					.param("timeZone", "Europe/Berlin")
					.param("cancellationWindowHours", "24")
					.param("minimumNoticeMinutes", "120")
					.param("bookingHorizonDays", "90"),
				302, 403, 403, 403, 403, 302, 302);
		page("GET /admin/therapists/{id}/schedule", t -> get("/admin/therapists/{id}/schedule", t.therapistX.value()),
				302, 403, 403, 403, 403, 200, 404);
		page("POST /admin/therapists/{id}/hours",
				t -> post("/admin/therapists/{id}/hours", t.therapistX.value()).param("MONDAY", "08:00-20:00")
					.param("TUESDAY", "08:00-20:00")
					.param("WEDNESDAY", "08:00-20:00")
					.param("THURSDAY", "08:00-20:00")
					.param("FRIDAY", "08:00-20:00")
					.param("SATURDAY", "08:00-20:00")
					.param("SUNDAY", "08:00-20:00"),
				302, 403, 403, 403, 403, 302, 404);
		page("POST /admin/therapists/{id}/time-off",
				t -> post("/admin/therapists/{id}/time-off", t.therapistX.value())
					.param("fromDate", t.clinic.today().plusDays(300).toString())
					.param("toDate", t.clinic.today().plusDays(300).toString()),
				302, 403, 403, 403, 403, 302, 404);
		page("POST /admin/therapists/{id}/time-off/{timeOffId}/remove",
				t -> post("/admin/therapists/{id}/time-off/{off}/remove", t.therapistX.value(), t.timeOff()), 302, 403,
				403, 403, 403, 302, 404);
		// Regular sessions on a page: a client plans and books their own (whoever they
		// name),
		// the front desk any client's; the plan is an audited read of the client's
		// schedule.
		page("GET /book/series",
				t -> get("/book/series").param("therapist", t.therapistX.toString())
					.param("client", t.clientA.toString())
					.param("date", t.nextSlot().toLocalDate().toString())
					.param("time", "10:00")
					.param("check", "1"),
				302, 200, 200, 403, 403, 200, 404);
		page("POST /book/series", t -> {
			OffsetDateTime slot = t.nextSlot();
			return post("/book/series").param("therapist", t.therapistX.toString())
				.param("service", "TREATMENT_60")
				.param("client", t.clientA.toString())
				.param("date", slot.toLocalDate().toString())
				.param("time", slot.toLocalTime().toString())
				.param("everyWeeks", "1")
				.param("count", "1");
		}, 302, 302, 302, 403, 403, 302, 404);
		// The front desk's client picker: never for clients, and only their own clinic's.
		page("GET /book/clients", t -> get("/book/clients").param("find", "Client"), 302, 403, 403, 403, 403, 200, 200);
		page("GET /assessments", t -> get("/assessments"), 302, 403, 403, 200, 200, 200, 200);
		page("GET /intake/{id}", t -> get("/intake/{id}", t.intake(false)), 302, 200, 404, 200, 404, 200, 404);
		page("GET /clients/{clientId}/assessment", t -> get("/clients/{id}/assessment", t.intakeOfA()), 302, 302, 404,
				302, 404, 302, 404);
		page("POST /intake/{id}/clearance",
				t -> post("/intake/{id}/clearance", t.intake(true)).param("clearedBy", "Dr. M")
					.param("clearedOn", t.clinic.today().toString()),
				302, 404, 404, 302, 404, 302, 404);
		// A client who tries is told on their own result page that only staff can change
		// this (200).
		page("POST /intake/{id}/override",
				t -> post("/intake/{id}/override", t.intake(false)).param("techniques", "SWEDISH")
					.param("initialSessions", "4")
					.param("everyDays", "7")
					.param("note", "matrix"),
				302, 200, 404, 302, 404, 302, 404);
		page("GET /therapists/{id}", t -> get("/therapists/{id}", t.therapistX.value()), 200, 200, 200, 200, 200, 200,
				200);
		page("GET /match", t -> get("/match"), 302, 200, 200, 403, 403, 200, 200);
		// Review forms go back to the profile (302), with the refusal shown there when
		// there is one.
		page("POST /therapists/{id}/review", t -> {
			t.completedSessionOfAWithX();
			return post("/therapists/{id}/review", t.therapistX.value()).param("ratings.listening", "5")
				.param("ratings.comfort", "5")
				.param("ratings.effect", "4");
		}, 302, 302, 302, 302, 302, 302, 302);
		page("POST /reviews/{id}/reply", t -> post("/reviews/{id}/reply", t.reviewOfXByA()).param("text", "Thanks"),
				302, 404, 404, 302, 404, 302, 404);
		page("POST /reviews/{id}/hide", t -> post("/reviews/{id}/hide", t.reviewOfXByA()).param("reason", "matrix"),
				302, 404, 404, 404, 404, 302, 404);
		page("POST /appointments/{id}/no-show", t -> post("/appointments/{id}/no-show", t.startedSessionOfAWithX()),
				302, 403, 404, 302, 404, 302, 404);
		page("POST /appointments/{id}/complete", t -> post("/appointments/{id}/complete", t.startedSessionOfAWithX()),
				302, 403, 404, 302, 404, 302, 404);
		page("POST /login",
				t -> post("/login").param("username", "nobody@example.org").param("password", "wrong password"), 302,
				302, 302, 302, 302, 302, 302);
		page("POST /logout", t -> post("/logout"), 302, 302, 302, 302, 302, 302, 302);

		page("GET /admin", t -> get("/admin"), 302, 403, 403, 403, 403, 200, 200);
		page("POST /admin/therapists/{id}/licences",
				t -> post("/admin/therapists/{id}/licences", t.therapistX.value()).param("jurisdiction", "Matrix")
					.param("number", UUID.randomUUID().toString())
					.param("validFrom", t.clinic.today().toString())
					.param("validUntil", t.clinic.today().plusYears(1).toString()),
				302, 403, 403, 403, 403, 302, 404);
		page("POST /admin/therapists/{id}/licences/verify",
				t -> post("/admin/therapists/{id}/licences/verify", t.therapistX.value())
					.param("jurisdiction", "Matrix")
					.param("number", t.extraLicenceOfX()),
				302, 403, 403, 403, 403, 302, 404);
		page("POST /admin/therapists/{id}/certifications",
				t -> post("/admin/therapists/{id}/certifications", t.therapistX.value()).param("technique",
						"TRIGGER_POINT"),
				302, 403, 403, 403, 403, 302, 404);
		page("POST /admin/therapists/{id}/certifications/verify",
				t -> post("/admin/therapists/{id}/certifications/verify", t.therapistX.value()).param("technique",
						"SWEDISH"),
				302, 403, 403, 403, 403, 302, 404);
		page("GET /admin/audit", t -> get("/admin/audit"), 302, 403, 403, 403, 403, 200, 200);
		page("GET /v3/api-docs", t -> get("/v3/api-docs"), 200, 200, 200, 200, 200, 200, 200);
		page("GET /v3/api-docs.yaml", t -> get("/v3/api-docs.yaml"), 200, 200, 200, 200, 200, 200, 200);
		page("GET /v3/api-docs/swagger-config", t -> get("/v3/api-docs/swagger-config"), 200, 200, 200, 200, 200, 200,
				200);
		page("GET /swagger-ui.html", t -> get("/swagger-ui.html"), 302, 302, 302, 302, 302, 302, 302);
		// Last, because it erases clients A and B for good.
		api("POST /api/v1/me/erasure", t -> json(post("/api/v1/me/erasure"), "{\"confirm\": true}"), 401, 204, 204, 403,
				403, 403, 403);
	}

	/**
	 * Actuator endpoints are not controller mappings, so they are listed here by hand:
	 * health and metrics for scrapers hold no personal data; the rest is for admins.
	 */
	@Test
	void actuatorEndpointsFollowTheirRules() throws Exception {
		Map<String, int[]> expected = new LinkedHashMap<>();
		// -------------------------------------------- anon A B X Y admin other
		expected.put("/actuator/health", new int[] { 200, 200, 200, 200, 200, 200, 200 });
		expected.put("/actuator/health/readiness", new int[] { 200, 200, 200, 200, 200, 200, 200 });
		expected.put("/actuator/prometheus", new int[] { 200, 200, 200, 200, 200, 200, 200 });
		expected.put("/actuator/info", new int[] { 200, 200, 200, 200, 200, 200, 200 });
		expected.put("/actuator/metrics", new int[] { 302, 403, 403, 403, 403, 200, 200 });
		expected.put("/actuator", new int[] { 302, 403, 403, 403, 403, 200, 200 });
		List<String> wrong = new ArrayList<>();
		for (var entry : expected.entrySet()) {
			for (Caller caller : Caller.values()) {
				MockHttpServletRequestBuilder request = get(entry.getKey());
				if (caller != Caller.ANONYMOUS) {
					request = request.with(Pages.as(this.users.get(caller)));
				}
				int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
				if (status != entry.getValue()[caller.ordinal()]) {
					wrong.add(entry.getKey() + " as " + caller + ": " + status + ", expected "
							+ entry.getValue()[caller.ordinal()]);
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(this.actuator.getEndpoints()).extracting(endpoint -> endpoint.getEndpointId().toLowerCaseString())
			.as("exposed actuator endpoints; a new one needs a rule above")
			.containsExactlyInAnyOrder("health", "info", "prometheus", "metrics");
	}

	@Test
	void everyEndpointHasARule() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add("* " + pattern);
				}
				methods.forEach(method -> endpoints.add(method + " " + pattern));
			}
		}
		endpoints.removeAll(NOT_ENDPOINTS);
		endpoints.addAll(SECURITY_FILTER_ENDPOINTS);
		assertThat(this.rows.keySet()).as("endpoints with an authorization rule")
			.containsExactlyInAnyOrderElementsOf(endpoints);
	}

	@Test
	void everyEndpointIsClassifiedAsHealthRecordOrNot() {
		assertThat(HEALTH_RECORDS).as("endpoints in both sets").doesNotContainAnyElementsOf(NO_HEALTH_RECORD);
		Set<String> classified = new TreeSet<>(HEALTH_RECORDS);
		classified.addAll(NO_HEALTH_RECORD);
		assertThat(classified).as("endpoints that say whether they touch a health record")
			.containsExactlyInAnyOrderElementsOf(this.rows.keySet());
	}

	@Test
	void everyCallerGetsExactlyWhatTheRuleSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Row row : this.rows.values()) {
			for (Caller caller : Caller.values()) {
				MockHttpServletRequestBuilder request = row.request().apply(this);
				long auditedBefore = audited(caller, null);
				long refusedBefore = audited(caller, "REFUSED");
				if (caller != Caller.ANONYMOUS) {
					request = row.api() ? request.header(HttpHeaders.AUTHORIZATION, this.bearers.get(caller))
							: request.with(Pages.as(this.users.get(caller)));
				}
				if (!row.api()) {
					request = request.with(csrf());
				}
				MvcResult result = this.mvc.perform(request).andReturn();
				int status = result.getResponse().getStatus();
				int expected = row.expected()[caller.ordinal()];
				if (row.api()) {
					contract().violations(result)
						.forEach(violation -> wrong.add(row.endpoint() + " as " + caller + " (" + status
								+ ") is not as the OpenAPI document says: " + violation));
				}
				if (status != expected) {
					wrong.add(row.endpoint() + " as " + caller + ": " + status + ", expected " + expected);
				}
				if (caller != Caller.ANONYMOUS && HEALTH_RECORDS.contains(row.endpoint())) {
					boolean refused = status == 403 || status == 404;
					// Pages show rule refusals on the page (200, 302), so only their
					// reads must have an OK entry.
					boolean succeeded = status / 100 == 2 && (row.api() || row.endpoint().startsWith("GET "))
							&& !LISTS.contains(row.endpoint());
					if (refused && audited(caller, "REFUSED") == refusedBefore) {
						wrong.add(row.endpoint() + " as " + caller + ": refused (" + status
								+ ") without a REFUSED audit entry");
					}
					if (succeeded
							&& audited(caller, null) - (audited(caller, "REFUSED") - refusedBefore) == auditedBefore) {
						wrong.add(row.endpoint() + " as " + caller + ": answered " + status
								+ " without an OK audit entry");
					}
				}
				if (row.endpoint().equals("POST /api/v1/auth/logout") && caller != Caller.ANONYMOUS) {
					// Signing out everywhere ended this caller's tokens and sessions:
					// sign in again.
					CurrentUser again = this.accounts.find(this.users.get(caller).id()).orElseThrow();
					this.users.put(caller, again);
					this.bearers.put(caller, this.clinic.bearer(again));
				}
			}
		}
		assertThat(wrong).as("callers that got another answer than the rule").isEmpty();
	}

	private ApiContract contract;

	/**
	 * The OpenAPI document as BackCare publishes it, every answer of an API row is
	 * checked against.
	 */
	private ApiContract contract() throws Exception {
		if (this.contract == null) {
			this.contract = ApiContract
				.of(this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		}
		return this.contract;
	}

	/** Audit entries by the caller so far, of one outcome or (null) of any. */
	private long audited(Caller caller, String outcome) {
		if (caller == Caller.ANONYMOUS) {
			return 0;
		}
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE actor_account_id = ? AND (?::text IS NULL OR outcome = ?)")
			.params(this.users.get(caller).id().value(), outcome, outcome)
			.query(Long.class)
			.single();
	}

	private void api(String endpoint, Function<AuthorizationMatrixTest, MockHttpServletRequestBuilder> request,
			int... expected) {
		this.rows.put(endpoint, new Row(endpoint, request, true, expected));
	}

	private void page(String endpoint, Function<AuthorizationMatrixTest, MockHttpServletRequestBuilder> request,
			int... expected) {
		this.rows.put(endpoint, new Row(endpoint, request, false, expected));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String clinicId() {
		return this.clinic.clinic().id().toString();
	}

	private String licenceBody(String number) {
		return "{\"jurisdiction\": \"Matrix\", \"number\": \"" + number + "\", \"validFrom\": \"" + this.clinic.today()
				+ "\", \"validUntil\": \"" + this.clinic.today().plusYears(3) + "\"}";
	}

	/** A second licence of X's, recorded (not verified) once; its number. */
	private String extraLicenceOfX() {
		if (this.extraLicence == null) {
			this.extraLicence = "EXTRA-" + UUID.randomUUID();
			this.credentials.addLicence(this.therapistX, "Matrix", this.extraLicence, this.clinic.today(),
					this.clinic.today().plusYears(3), null);
		}
		return this.extraLicence;
	}

	/**
	 * A session of A with X that ended within the last two days, a different hour each
	 * call.
	 */
	private UUID recentSessionOfAWithX() {
		return this.clinic.sessionEndedHoursAgo(this.therapistX, this.clientA, 2 + 2 * this.recentSessions++);
	}

	/** A's feedback on such a session. */
	private UUID feedbackOfAOnASessionWithX() {
		UUID session = recentSessionOfAWithX();
		this.feedbacks.give(this.users.get(Caller.CLIENT_A), new AppointmentId(session),
				new FeedbackAnswers(PressureVerdict.RIGHT, Map.of(), 2, 4, 3, "", "", Set.of()));
		return session;
	}

	/** A booked session of A with X to come, after a session whose note X signed. */
	private UUID plannedSessionOfAWithX() {
		if (!this.aHasSignedNoteWithX) {
			signedSessionOfAWithX();
			this.aHasSignedNoteWithX = true;
		}
		return appointment();
	}

	/** A started session of A with X whose note X has drafted. */
	private UUID draftSessionOfAWithX() {
		UUID session = startedSessionOfAWithX();
		this.sessionNotes.save(this.users.get(Caller.THERAPIST_X), new AppointmentId(session),
				new NoteContent("Matrix", 4, "", "", "", 50, List.of()));
		return session;
	}

	/** A session of A with X whose note X has signed (not shared with A). */
	private UUID signedSessionOfAWithX() {
		UUID session = draftSessionOfAWithX();
		this.sessionNotes.sign(this.users.get(Caller.THERAPIST_X), new AppointmentId(session));
		return session;
	}

	/** The signed note of such a session. */
	private UUID signedNoteOfAWithX() {
		return this.jdbc.sql("SELECT id FROM session_note WHERE appointment_id = ?")
			.param(signedSessionOfAWithX())
			.query(UUID.class)
			.single();
	}

	/** A session of A with X that has started (a week ago), not yet marked completed. */
	private UUID startedSessionOfAWithX() {
		return this.clinic.pastAppointment(this.therapistX, this.clientA);
	}

	/**
	 * Makes sure A has had a completed session with X; returns "" so it can prefix a
	 * body.
	 */
	private String completedSessionOfAWithX() {
		if (!this.aCompletedWithX) {
			UUID session = startedSessionOfAWithX();
			this.jdbc.sql("UPDATE appointment SET status = 'COMPLETED', completed_at = starts_at WHERE id = ?")
				.param(session)
				.update();
			this.aCompletedWithX = true;
		}
		return "";
	}

	/** A's review of X, written once. */
	private UUID reviewOfXByA() {
		if (this.reviewOfX == null) {
			completedSessionOfAWithX();
			try {
				String written = this.mvc
					.perform(json(put("/api/v1/therapists/{id}/review", this.therapistX.value()),
							"{\"ratings\": {\"listening\": 4, \"comfort\": 4, \"effect\": 4}}")
						.header(HttpHeaders.AUTHORIZATION, this.bearers.get(Caller.CLIENT_A)))
					.andReturn()
					.getResponse()
					.getContentAsString();
				this.reviewOfX = UUID.fromString(JsonPath.read(written, "$.id"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return this.reviewOfX;
	}

	/** Client A's intake answers as JSON; with a red flag when {@code referral}. */
	private String intakeBody(boolean referral) {
		Examples answers = Examples.officeWorker();
		if (referral) {
			answers.yes("historyOfCancer");
		}
		return this.json.writeValueAsString(answers.answers());
	}

	/** The same answers as the web form sends them, for whoever is signed in. */
	private MultiValueMap<String, String> intakeForm() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client", this.clientA.toString());
		form.add("pain[LOWER_BACK_LEFT]", "5");
		form.add("painNow", "3");
		form.add("painAverage", "3");
		form.add("painWorst", "5");
		form.add("duration", "ACUTE");
		for (String question : List.of("saddleNumbness", "bladderOrBowelDysfunction", "legWeaknessOrGaitChange",
				"historyOfCancer", "unexplainedWeightLoss", "feverOrChills", "immunosuppression", "intravenousDrugUse",
				"majorTrauma", "minorTrauma", "longTermSteroids", "constantNightPain", "firstEpisode", "suspectedDvt",
				"recentFracture", "osteoporosis", "skinProblemInArea", "anticoagulantsOrBleedingDisorder", "pregnancy",
				"activeCancerTreatment")) {
			form.add(question, "false");
		}
		for (int item = 1; item <= 8; item++) {
			form.add("startBack" + item, "false");
		}
		form.add("startBack9", "SLIGHTLY");
		for (int section = 1; section <= 10; section++) {
			form.add("odi" + section, "1");
		}
		form.add("wantToDoAgain", "Garden");
		form.add("pressure", "MEDIUM");
		form.add("therapistGender", "NO_PREFERENCE");
		return form;
	}

	/**
	 * A new intake, after its client has had a session with X (so X may see it and Y may
	 * not): of client A, submitted by A; or, with a red flag, of client C, entered by the
	 * front desk (a referral stops booking, and A must stay bookable for the other rows).
	 */
	private UUID intake(boolean referral) {
		ClientId client = referral ? this.clientC : this.clientA;
		if (referral) {
			if (!this.cHasMetX) {
				this.cHasMetX = true;
				try {
					this.mvc.perform(json(post("/api/v1/appointments"),
							BookingApiTestBodies.body(this.clientC, this.therapistX, nextSlot()))
						.header(HttpHeaders.AUTHORIZATION, this.bearers.get(Caller.ADMIN)));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		else {
			appointment();
		}
		try {
			String created = this.mvc
				.perform(json(post("/api/v1/clients/{id}/intakes", client.value()), intakeBody(referral))
					.header(HttpHeaders.AUTHORIZATION, this.bearers.get(Caller.ADMIN)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			return UUID.fromString(JsonPath.read(created, "$.id"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Client A's id, once A has an intake. */
	@Autowired
	org.backcare.homecare.HomeCare homeCare;

	boolean aHasHomePlan;

	/** A's home plan (a walk), written by the front desk; X has met A. */
	private UUID homePlanOfA() {
		if (!this.aHasHomePlan) {
			appointment();
			this.aHasHomePlan = true;
			this.homeCare.write(this.users.get(Caller.ADMIN), this.clientA,
					List.of(new org.backcare.homecare.HomeCare.ItemChoice("walk", null, null, 5, 30)), "", null);
		}
		return this.clientA.value();
	}

	/** A's reminders: a walk on Mondays at 08:00. */
	private void remindersOfA() {
		homePlanOfA();
		this.homeCare.setReminders(this.users.get(Caller.CLIENT_A), java.time.ZoneId.of("Europe/Berlin"),
				List.of(new org.backcare.homecare.ReminderSettings.Reminder("walk", java.time.LocalTime.of(8, 0),
						java.util.EnumSet.of(java.time.DayOfWeek.MONDAY))),
				null, null);
	}

	private UUID intakeOfA() {
		intake(false);
		return this.clientA.value();
	}

	/** A quarter hour nobody else uses in this test: a new one for every booking. */
	/**
	 * A's wish for a session with anyone, any day, for a month (the front desk names A).
	 */
	private String waitlistBody() {
		return "{\"clientId\": \"" + this.clientA + "\", \"service\": \"TREATMENT_60\", \"from\": \""
				+ this.clinic.today() + "\", \"until\": \"" + this.clinic.today().plusDays(30)
				+ "\", \"windows\": [{\"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", "
				+ "\"SATURDAY\", \"SUNDAY\"], \"from\": \"08:00\", \"to\": \"20:00\"}]}";
	}

	private MultiValueMap<String, String> waitlistForm() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client", this.clientA.toString());
		form.add("service", "TREATMENT_60");
		for (DayOfWeek day : DayOfWeek.values()) {
			form.add("days", day.name());
		}
		form.add("fromTime", "08:00");
		form.add("toTime", "20:00");
		form.add("from", this.clinic.today().toString());
		form.add("until", this.clinic.today().plusDays(30).toString());
		return form;
	}

	/** A fresh place of A's on the waitlist (written as BackCare stores it). */
	private UUID waitingRequestOfA() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO waitlist_request (id, clinic_id, client_id, service_code, first_day, last_day, created_at)
				VALUES (?, ?, ?, 'TREATMENT_60', ?, ?, now())""")
			.params(id, this.clinic.clinic().id().value(), this.clientA.value(), this.clinic.today(),
					this.clinic.today().plusDays(30))
			.update();
		this.jdbc.sql("""
				INSERT INTO waitlist_window (request_id, weekday, from_time, to_time)
				SELECT ?, day, TIME '08:00', TIME '20:00' FROM generate_series(1, 7) AS day""").param(id).update();
		return id;
	}

	/** A fresh open offer to A, of a free time of X's. */
	private UUID offerToA() {
		UUID request = waitingRequestOfA();
		OffsetDateTime start = nextSlot();
		UUID opening = UUID.randomUUID();
		UUID offer = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO waitlist_opening (id, clinic_id, therapist_id, starts_at, ends_at, freed_by, created_at,
				                              ready_at, needs_offers)
				VALUES (?, ?, ?, ?, ?, 'CANCELLATION', now(), now(), false)""")
			.params(opening, this.clinic.clinic().id().value(), this.therapistX.value(), start, start.plusMinutes(60))
			.update();
		this.jdbc.sql("""
				INSERT INTO waitlist_offer (id, opening_id, request_id, starts_at, ends_at, offered_at, expires_at)
				VALUES (?, ?, ?, ?, ?, now(), now() + interval '15 minutes')""")
			.params(offer, opening, request, start, start.plusMinutes(60))
			.update();
		return offer;
	}

	private OffsetDateTime nextSlot() {
		int n = this.slots.getAndIncrement();
		// Two hours apart: a 60-minute session and its buffer never reach the next one.
		return this.clinic.inDays(3 + n / 6, 8 + (n % 6) * 2, 0);
	}

	private String bookingBody(OffsetDateTime start) {
		return "{\"clientId\": \"" + this.clientA + "\", \"therapistId\": \"" + this.therapistX
				+ "\", \"service\": \"TREATMENT_60\", \"start\": \"" + start.format(ISO_OFFSET_DATE_TIME) + "\"}";
	}

	private String profileBody() {
		return "{\"name\": \"Matrix Therapist\", \"bio\": \"\", \"languages\": [\"en\"], \"yearsTreatingBackPain\": 3, "
				+ "\"gender\": \"UNDISCLOSED\"}";
	}

	private String settingsBody() {
		return "{\"name\": \"Matrix clinic\", \"address\": \"Matrixweg 1\", \"timeZone\": \"Europe/Berlin\", "
				+ "\"cancellationWindowHours\": 24, \"intakeBeforeTreatment\": false, \"minimumNoticeMinutes\": 120, "
				+ "\"bookingHorizonDays\": 90}";
	}

	/** Therapist X's hours as they are: every day 08:00–20:00. */
	private String hoursBody() {
		return "{\"intervals\": [" + java.util.Arrays.stream(java.time.DayOfWeek.values())
			.map(day -> "{\"day\": \"" + day + "\", \"starts\": \"08:00\", \"ends\": \"20:00\"}")
			.collect(java.util.stream.Collectors.joining(", ")) + "]}";
	}

	/** An hour off for therapist X, far beyond every session of the matrix. */
	private String timeOffBody() {
		OffsetDateTime from = this.clinic.inDays(300, 9, 0);
		return "{\"from\": \"" + from.format(ISO_OFFSET_DATE_TIME) + "\", \"to\": \""
				+ from.plusHours(1).format(ISO_OFFSET_DATE_TIME) + "\", \"reason\": \"matrix\"}";
	}

	/** A fresh stretch of time off of therapist X. */
	private UUID timeOff() {
		OffsetDateTime from = this.clinic.inDays(301, 9, 0);
		return this.therapists.addTimeOff(this.therapistX,
				new org.backcare.platform.TimeRange(from.toInstant(), from.plusHours(1).toInstant()), "matrix");
	}

	/**
	 * The invite mailed to the client for a fresh booking, once delivery has written it
	 * (every 2 s).
	 */
	private UUID mail() {
		UUID appointment = appointment();
		return org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT id FROM mail_message WHERE about_id = ? AND calendar IS NOT NULL")
				.param(appointment)
				.query(UUID.class)
				.optional(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/** A fresh admin account of the clinic to enable or change. */
	private UUID spareAccount() {
		return this.accounts
			.open(this.clinic.clinic().id(), "spare-" + UUID.randomUUID() + "@example.org", ClinicFixture.PASSWORD,
					org.backcare.account.Role.ADMIN, null, null)
			.value();
	}

	/** A series of one session for client A with therapist X. */
	private String seriesBody(OffsetDateTime start) {
		return "{\"clientId\": \"" + this.clientA + "\", \"therapistId\": \"" + this.therapistX
				+ "\", \"service\": \"TREATMENT_60\", \"start\": \"" + start.format(ISO_OFFSET_DATE_TIME)
				+ "\", \"everyWeeks\": 1, \"count\": 1}";
	}

	/** A fresh appointment of client A with therapist X, booked by the front desk. */
	private UUID appointment() {
		try {
			String created = this.mvc
				.perform(json(post("/api/v1/appointments"), bookingBody(nextSlot())).header(HttpHeaders.AUTHORIZATION,
						this.bearers.get(Caller.ADMIN)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			return UUID.fromString(JsonPath.read(created, "$.id"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
