package org.backcare.review;

import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.account.CurrentUser;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Verified reviews: none before a completed session, one per client and therapist (edits
 * keep history), replies, hiding that keeps the review, and text that is shown, never
 * run.
 */
@IntegrationTest
class ReviewsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	TestClinic clinic;

	TherapistId therapist;

	ClientId client;

	CurrentUser clientUser;

	Api asClient;

	Api asTherapist;

	Api asAdmin;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.therapist = this.clinic.therapist();
		this.client = this.clinic.client();
		this.clientUser = this.clinic.signedIn(this.client);
		this.asClient = new Api(this.mvc, this.clinic.bearer(this.clientUser));
		this.asTherapist = new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.therapist)));
		this.asAdmin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void noReviewBeforeACompletedSession_thenOnePerClientAndTherapist_withEveryVersionKept() throws Exception {
		review(5, 4, 4, "Listened well").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("no-completed-session"));
		UUID session = this.clinic.pastAppointment(this.therapist, this.client);
		review(5, 4, 4, "Listened well").andExpect(status().isUnprocessableContent());

		this.asClient.perform(post("/api/v1/appointments/" + session + "/complete")).andExpect(status().isForbidden());
		this.asTherapist.perform(post("/api/v1/appointments/" + session + "/complete"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
		this.asTherapist.perform(post("/api/v1/appointments/" + session + "/complete"))
			.andExpect(status().isConflict());

		String id = JsonPath.read(review(5, 4, 4, "Listened well").andExpect(status().isOk())
			.andExpect(jsonPath("$.edited").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		review(3, 4, 2, "The pain came back").andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.edited").value(true))
			.andExpect(jsonPath("$.ratings.effect").value(2));
		assertThat(this.jdbc.sql("SELECT count(*) FROM review WHERE therapist_id = ? AND client_id = ?")
			.params(this.therapist.value(), this.client.value())
			.query(Long.class)
			.single()).isEqualTo(1);
		this.asClient.perform(get("/api/v1/reviews/" + id + "/history"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].text").value("Listened well"))
			.andExpect(jsonPath("$[0].ratings.listening").value(5));
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.clinic.client())))
			.perform(get("/api/v1/reviews/" + id + "/history"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aSessionCanBeMarkedCompletedOnlyOnceItHasStarted() throws Exception {
		String created = this.asAdmin
			.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTestBodies.body(this.client, this.therapist, this.clinic.inDays(3, 10, 0))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.asAdmin.perform(post("/api/v1/appointments/" + JsonPath.read(created, "$.id") + "/complete"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("not-yet-started"));
	}

	@Test
	void theTherapistReplies_anAdminHidesWithAReason_andTheReviewIsKept() throws Exception {
		String id = completedAndReviewed("Great, but late twice");
		this.asTherapist
			.perform(post("/api/v1/reviews/" + id + "/reply").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Sorry about the delays, fixed now.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reply").value("Sorry about the delays, fixed now."));
		this.asAdmin
			.perform(post("/api/v1/reviews/" + id + "/reply").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"no\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/therapists/" + this.therapist + "/reviews"))
			.andExpect(jsonPath("$.reviews.length()").value(1))
			.andExpect(jsonPath("$.reviews[0].clientId").doesNotExist())
			.andExpect(jsonPath("$.summary.count").value(1));

		this.asTherapist
			.perform(post("/api/v1/admin/reviews/" + id + "/hide").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"mine\"}"))
			.andExpect(status().isForbidden());
		this.asAdmin
			.perform(post("/api/v1/admin/reviews/" + id + "/hide").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Names another client\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hiddenReason").value("Names another client"));
		this.mvc.perform(get("/api/v1/therapists/" + this.therapist + "/reviews"))
			.andExpect(jsonPath("$.reviews.length()").value(0))
			.andExpect(jsonPath("$.summary.count").value(0));
		this.asAdmin.perform(get("/api/v1/admin/reviews"))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].text").value("Great, but late twice"))
			.andExpect(jsonPath("$[0].hiddenReason").value("Names another client"));
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'REVIEW_HIDDEN' AND record_id = ?::uuid")
					.param(id)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void hidingTwiceKeepsTheFirstReason_andAnotherClinicsAdminIsRefusedAndAudited() throws Exception {
		String id = completedAndReviewed("fine");
		this.asAdmin
			.perform(post("/api/v1/admin/reviews/" + id + "/hide").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"First reason\"}"))
			.andExpect(status().isOk());
		this.asAdmin
			.perform(post("/api/v1/admin/reviews/" + id + "/hide").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Second reason\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("already-hidden"));
		TestClinic elsewhere = this.fixture.open();
		new Api(this.mvc, elsewhere.bearer(elsewhere.admin()))
			.perform(post("/api/v1/admin/reviews/" + id + "/hide").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Not mine\"}"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT hidden_reason FROM review WHERE id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("First reason");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'REVIEW_HIDDEN' AND outcome = 'REFUSED' "
					+ "AND record_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCompletedSessionKeepsItsTime() throws Exception {
		UUID session = this.clinic.pastAppointment(this.therapist, this.client);
		this.asTherapist.perform(post("/api/v1/appointments/" + session + "/complete")).andExpect(status().isOk());
		Assertions.assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc
				.sql("""
						INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
						SELECT clinic_id, gen_random_uuid(), therapist_id, ?, service_code, starts_at + interval '30 minutes',
						       ends_at + interval '30 minutes', blocked_until + interval '30 minutes'
						FROM appointment WHERE id = ?""")
				.params(this.clinic.client().value(), session)
				.update());
	}

	@Test
	void reviewTextIsShownAsTextNeverAsMarkup() throws Exception {
		completedAndReviewed("<script>alert('x')</script><img src=x onerror=alert(1)> Good hands");
		new Pages(this.mvc, this.clientUser).perform(get("/therapists/" + this.therapist))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
					containsString("&lt;img src=x onerror=alert(1)&gt; Good hands"),
					not(containsString("<script>alert")), not(containsString("<img src=x")),
					containsString("Change your review"))));
		this.mvc.perform(get("/therapists/" + this.therapist))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Verified client"), not(containsString("Change your review")))));
	}

	@Test
	void outOfRangeRatingsAndOverlongTextAreRefusedWithFieldMessages() throws Exception {
		completedAndReviewed("fine");
		review(6, 4, 4, "x").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ratings.listening"));
		review(0, 4, 4, "x").andExpect(status().isBadRequest());
		review(4, 4, 4, "x".repeat(2001)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
	}

	@Test
	void theReviewFormIsBoundToTheSameRecordAsTheApi_andItsProblemsAreSaidPerQuestion() throws Exception {
		UUID session = this.clinic.pastAppointment(this.therapist, this.client);
		this.asTherapist.perform(post("/api/v1/appointments/" + session + "/complete")).andExpect(status().isOk());
		Pages asClientOnPages = new Pages(this.mvc, this.clientUser);
		asClientOnPages
			.perform(post("/therapists/{id}/review", this.therapist.value()).param("ratings.listening", "5")
				.param("ratings.effect", "9")
				.header("Accept-Language", "de"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("reviewProblem",
					allOf(containsString("How comfortable you felt: please choose one."),
							containsString("Effect on your pain: must be at most 5."))));
		asClientOnPages
			.perform(post("/therapists/{id}/review", this.therapist.value()).param("ratings.listening", "5")
				.param("ratings.comfort", "4")
				.param("ratings.effect", "4")
				.param("text", "Listened well"))
			.andExpect(flash().attribute("reviewDone", "Thank you: your review is saved."));
		this.mvc.perform(get("/api/v1/therapists/" + this.therapist + "/reviews"))
			.andExpect(jsonPath("$.reviews[0].text").value("Listened well"))
			.andExpect(jsonPath("$.reviews[0].ratings.comfort").value(4));
	}

	private String completedAndReviewed(String text) throws Exception {
		UUID session = this.clinic.pastAppointment(this.therapist, this.client);
		this.asTherapist.perform(post("/api/v1/appointments/" + session + "/complete")).andExpect(status().isOk());
		return JsonPath.read(
				review(4, 5, 4, text).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				"$.id");
	}

	private ResultActions review(int listening, int comfort, int effect, String text) throws Exception {
		return this.asClient
			.perform(put("/api/v1/therapists/" + this.therapist + "/review").contentType(MediaType.APPLICATION_JSON)
				.content("{\"ratings\": {\"listening\": %d, \"comfort\": %d, \"effect\": %d}, \"text\": %s}"
					.formatted(listening, comfort, effect, this.json.writeValueAsString(text))));
	}

}
