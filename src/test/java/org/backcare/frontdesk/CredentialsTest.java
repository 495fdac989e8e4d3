package org.backcare.frontdesk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Credentials count once verified; expiring licences and sessions left without a valid
 * licence reach the front desk; clients say how they found the clinic.
 */
@IntegrationTest
class CredentialsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	ClientId client;

	Api asAdmin;

	LocalDate today;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.client = this.clinic.client();
		this.asAdmin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
		this.today = this.clinic.today();
	}

	@Test
	void aRenewedLicenceCountsOnlyOnceVerified() throws Exception {
		TherapistId therapist = this.clinic.therapist(
				new Licence("Berlin", "OLD", this.today.minusYears(1), this.today.plusDays(5)), Technique.SWEDISH);
		admin("/api/v1/admin/therapists/" + therapist + "/licences",
				"""
						{"jurisdiction": "Berlin", "number": "NEW", "validFrom": "%s", "validUntil": "%s", "documentRef": "scan-0042.pdf"}"""
					.formatted(this.today.plusDays(6), this.today.plusYears(2)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.licences[?(@.number == 'NEW')].number").value(hasItem("NEW")))
			.andExpect(jsonPath("$.licences[?(@.number == 'NEW' && @.verifiedAt)]").isEmpty());
		book(therapist, 10, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("licence-not-valid"));
		this.asAdmin.perform(get("/api/v1/admin/dashboard"))
			.andExpect(jsonPath("$.licences[?(@.number == 'NEW')].therapist").value(hasItem(therapist.toString())))
			.andExpect(jsonPath("$.licences[?(@.number == 'NEW')].verified").value(hasItem(false)))
			.andExpect(jsonPath("$.licences[?(@.number == 'OLD')]").isNotEmpty());

		admin("/api/v1/admin/therapists/" + therapist + "/licences/verify",
				"{\"jurisdiction\": \"Berlin\", \"number\": \"NEW\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.licences[?(@.number == 'NEW')].verifiedBy")
				.value(hasItem(this.clinic.admin().email())));
		book(therapist, 10, null).andExpect(status().isCreated());
		// The old licence is now followed by a verified one: no longer an alert.
		this.asAdmin.perform(get("/api/v1/admin/dashboard"))
			.andExpect(jsonPath("$.licences[*].number").value(not(hasItem("OLD"))))
			.andExpect(jsonPath("$.licences[*].number").value(not(hasItem("NEW"))));
	}

	@Test
	void licencesEndingWithin30DaysAreListed_31DaysAreNot() throws Exception {
		this.clinic.therapist(new Licence("Berlin", "ENDS-IN-30", this.today.minusYears(1), this.today.plusDays(30)));
		this.clinic.therapist(new Licence("Berlin", "ENDS-IN-31", this.today.minusYears(1), this.today.plusDays(31)));
		this.asAdmin.perform(get("/api/v1/admin/dashboard"))
			.andExpect(jsonPath("$.licences[*].number").value(hasItem("ENDS-IN-30")))
			.andExpect(jsonPath("$.licences[*].number").value(not(hasItem("ENDS-IN-31"))));
	}

	@Test
	void anUnverifiedOrExpiredCertificationRemovesTheTechnique() throws Exception {
		TherapistId therapist = this.clinic.therapist(Technique.SWEDISH);
		admin("/api/v1/admin/therapists/" + therapist + "/certifications", """
				{"technique": "DEEP_TISSUE", "certifiedOn": "2024-05-01", "documentRef": "cert.pdf"}""")
			.andExpect(status().isCreated());
		book(therapist, 4, "DEEP_TISSUE").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("technique-not-certified"));
		this.mvc.perform(get("/api/v1/therapists/" + therapist))
			.andExpect(jsonPath("$.techniques").value(not(hasItem("DEEP_TISSUE"))));
		admin("/api/v1/admin/therapists/" + therapist + "/certifications/verify", "{\"technique\": \"DEEP_TISSUE\"}")
			.andExpect(status().isOk());
		book(therapist, 4, "DEEP_TISSUE").andExpect(status().isCreated());

		// Renewed with an end date: it must be verified again, and it covers only days up
		// to its end.
		admin("/api/v1/admin/therapists/" + therapist + "/certifications", """
				{"technique": "DEEP_TISSUE", "certifiedOn": "2024-05-01", "validUntil": "%s"}"""
			.formatted(this.today.plusDays(6))).andExpect(status().isCreated());
		book(therapist, 5, "DEEP_TISSUE").andExpect(status().isUnprocessableContent());
		admin("/api/v1/admin/therapists/" + therapist + "/certifications/verify", "{\"technique\": \"DEEP_TISSUE\"}")
			.andExpect(status().isOk());
		book(therapist, 6, "DEEP_TISSUE").andExpect(status().isCreated());
		book(therapist, 7, "DEEP_TISSUE").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("technique-not-certified"));

		admin("/api/v1/admin/therapists/" + therapist + "/certifications", """
				{"technique": "SWEDISH", "certifiedOn": "2020-01-01", "validUntil": "%s"}"""
			.formatted(this.today.minusDays(1))).andExpect(status().isCreated());
		admin("/api/v1/admin/therapists/" + therapist + "/certifications/verify", "{\"technique\": \"SWEDISH\"}")
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/therapists/" + therapist))
			.andExpect(jsonPath("$.techniques").value(not(hasItem("SWEDISH"))));
	}

	@Test
	void whenALicenceIsEndedEarly_laterSessionsAreFlaggedWithTheClientsToCall() throws Exception {
		TherapistId therapist = this.clinic
			.therapist(new Licence("Berlin", "SUSPENDED", this.today.minusYears(1), this.today.plusYears(1)));
		book(therapist, 5, null).andExpect(status().isCreated());
		book(therapist, 20, null).andExpect(status().isCreated());
		admin("/api/v1/admin/therapists/" + therapist + "/licences/end",
				"""
						{"jurisdiction": "Berlin", "number": "SUSPENDED", "validUntil": "%s"}"""
					.formatted(this.today.plusDays(10)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].client").isNotEmpty())
			.andExpect(jsonPath("$[0].clientId").value(this.client.toString()));
		this.asAdmin.perform(get("/api/v1/admin/dashboard"))
			.andExpect(jsonPath("$.reassign.length()").value(1))
			.andExpect(jsonPath("$.reassign[0].start").value(Matchers.startsWith(this.today.plusDays(20).toString())));
		book(therapist, 15, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rule").value("licence-not-valid"));
		admin("/api/v1/admin/therapists/" + therapist + "/licences/end", """
				{"jurisdiction": "Berlin", "number": "SUSPENDED", "validUntil": "%s"}"""
			.formatted(this.today.plusYears(2))).andExpect(status().isBadRequest());
	}

	@Test
	void onlyTheClinicsAdminsManageCredentials() throws Exception {
		TherapistId therapist = this.clinic.therapist();
		TestClinic elsewhere = this.fixture.open();
		new Api(this.mvc, elsewhere.bearer(elsewhere.admin()))
			.perform(get("/api/v1/admin/therapists/" + therapist + "/credentials"))
			.andExpect(status().isNotFound());
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(therapist)))
			.perform(get("/api/v1/admin/therapists/" + therapist + "/credentials"))
			.andExpect(status().isForbidden());
		this.asAdmin.perform(get("/api/v1/admin/therapists/" + therapist + "/credentials"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.therapist").value(therapist.toString()))
			.andExpect(jsonPath("$.licences[0].verifiedBy").value("recorded at registration"));
	}

	@Test
	void clientsSayHowTheyFoundTheClinic_andTheReportCountsIt() throws Exception {
		new Api(this.mvc, this.clinic.bearer(this.clinic.signedIn(this.client)))
			.perform(put("/api/v1/clients/" + this.client + "/found-via").contentType(MediaType.APPLICATION_JSON)
				.content("{\"foundVia\": \"DOCTOR_OR_PHYSIO\", \"referrer\": \"Dr. Weber\"}"))
			.andExpect(status().isNoContent());
		ClientId other = this.clinic.client();
		this.asAdmin
			.perform(put("/api/v1/clients/" + other + "/found-via").contentType(MediaType.APPLICATION_JSON)
				.content("{\"foundVia\": \"DOCTOR_OR_PHYSIO\", \"referrer\": \"Dr. Weber\"}"))
			.andExpect(status().isNoContent());
		this.clinic.client();
		this.asAdmin.perform(get("/api/v1/admin/dashboard"))
			.andExpect(jsonPath("$.referrals.bySource.DOCTOR_OR_PHYSIO").value(2))
			.andExpect(jsonPath("$.referrals.bySource.UNKNOWN").value(1))
			.andExpect(jsonPath("$.referrals.referrers[0].name").value("Dr. Weber"))
			.andExpect(jsonPath("$.referrals.referrers[0].clients").value(2));
	}

	@Test
	void theAdminVerifiesOnTheProfilePage_andTheFrontDeskPageListsWhatNeedsDoing() throws Exception {
		TherapistId therapist = this.clinic.therapist(
				new Licence("Berlin", "OLD", this.today.minusYears(1), this.today.plusDays(12)), Technique.SWEDISH);
		Pages asAdmin = new Pages(this.mvc, this.clinic.admin());
		asAdmin
			.perform(post("/admin/therapists/" + therapist + "/licences").param("jurisdiction", "Berlin")
				.param("number", "RENEWED")
				.param("validFrom", this.today.plusDays(13).toString())
				.param("validUntil", this.today.plusYears(3).toString())
				.param("documentRef", "renewal.pdf"))
			.andExpect(status().is3xxRedirection());
		asAdmin.perform(get("/admin"))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.allOf(Matchers.containsString("Berlin RENEWED"),
						Matchers.containsString("not verified yet"), Matchers.containsString("Berlin OLD"))));
		String renewedFrom = this.today.plusDays(13).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
		asAdmin.perform(get("/therapists/" + therapist))
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.allOf(Matchers.containsString("Credentials (admins)"),
						Matchers.containsString("renewal.pdf"), Matchers.containsString("not verified"),
						// One way of writing dates on the page, not ISO here and words
						// there.
						Matchers.containsString(renewedFrom + " – "),
						Matchers.not(Matchers.containsString(this.today.plusDays(13).toString())))));
		asAdmin
			.perform(post("/admin/therapists/" + therapist + "/licences/verify").param("jurisdiction", "Berlin")
				.param("number", "RENEWED"))
			.andExpect(status().is3xxRedirection())
			.andExpect(MockMvcResultMatchers.flash()
				.attribute("credentialsDone", Matchers.startsWith("Licence Berlin RENEWED verified")));
		asAdmin.perform(get("/admin"))
			.andExpect(MockMvcResultMatchers.content().string(Matchers.not(Matchers.containsString("Berlin RENEWED"))));
		// The public profile shows no credentials section.
		this.mvc.perform(get("/therapists/" + therapist))
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.not(Matchers.containsString("Credentials (admins)"))));
	}

	@Test
	void theLicenceFormIsBoundToTheSameRecordAsTheApi_andSaysWhatToFix() throws Exception {
		TherapistId therapist = this.clinic.therapist(Technique.SWEDISH);
		org.backcare.Pages asAdmin = new org.backcare.Pages(this.mvc, this.clinic.admin());
		// A value that cannot be read at all is said first (the record cannot even be
		// built from it) …
		asAdmin
			.perform(post("/admin/therapists/" + therapist + "/licences").param("jurisdiction", "Berlin")
				.param("number", "N-1")
				.param("validFrom", "first of May")
				.param("validUntil", this.today.plusYears(1).toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("credentialsProblem", "Valid from: please enter a date."));
		// … then the same constraints as the API's.
		asAdmin
			.perform(post("/admin/therapists/" + therapist + "/licences").param("jurisdiction", " ")
				.param("number", "N-1")
				.param("validFrom", this.today.toString())
				.param("validUntil", this.today.plusYears(1).toString())
				.header("Accept-Language", "de"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("credentialsProblem", "Jurisdiction: please fill this in."));
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("SELECT count(*) FROM licence WHERE number = 'N-1'").query(Long.class).single())
			.isZero();
	}

	@Test
	void registrationAsksHowTheClientFoundUs() throws Exception {
		String email = "found-" + UUID.randomUUID() + "@example.org";
		this.mvc
			.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"name": "Found", "email": "%s", "password": "a perfectly fine passphrase", "dateOfBirth": "1980-01-01",
								 "consentToTreatment": true, "consentToDataProcessing": true, "foundVia": "SEARCH"}"""
							.formatted(email)))
			.andExpect(status().isAccepted());
		Assertions.assertThat(
				this.jdbc.sql("SELECT found_via FROM client WHERE email = ?").param(email).query(String.class).single())
			.isEqualTo("SEARCH");
		this.mvc
			.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"name": "Found", "email": "x-%s", "password": "a perfectly fine passphrase", "dateOfBirth": "1980-01-01",
								 "consentToTreatment": true, "consentToDataProcessing": true, "foundVia": "TELEPATHY"}"""
							.formatted(email)))
			.andExpect(status().isBadRequest());
	}

	private ResultActions admin(String path, String body) throws Exception {
		return this.asAdmin.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions book(TherapistId therapist, int days, String technique) throws Exception {
		String body = BookingApiTestBodies.body(this.client, therapist, this.clinic.inDays(days, 10, 0));
		if (technique != null) {
			body = body.replace("}", ", \"technique\": \"" + technique + "\"}");
		}
		return this.asAdmin.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
