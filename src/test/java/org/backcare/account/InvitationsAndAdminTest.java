package org.backcare.account;

import java.util.Map;
import java.util.UUID;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.therapist.TherapistId;

import com.jayway.jsonpath.JsonPath;
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

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Therapists and admins join by invitation; admins can disable accounts, which ends every
 * way in.
 */
@IntegrationTest
class InvitationsAndAdminTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	TestClinic clinic;

	Api asAdmin;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		this.asAdmin = new Api(this.mvc, this.clinic.bearer(this.clinic.admin()));
	}

	@Test
	void anInvitedTherapistChoosesAPasswordAndSignsInAsThatTherapist() throws Exception {
		TherapistId therapist = this.clinic.therapist();
		String email = "invited-" + UUID.randomUUID() + "@example.org";
		invite(email, "THERAPIST", therapist).andExpect(status().isCreated())
			.andExpect(jsonPath("$.expiresAt").isNotEmpty())
			// Mailed to the invited address, never shown to the admin.
			.andExpect(jsonPath("$.token").doesNotExist());
		String invitation = ClinicFixture.tokenOf(this.fixture.linkMailedTo(email, "ACCOUNT_INVITATION"));

		String accepted = accept(invitation).andExpect(status().isCreated())
			.andExpect(jsonPath("$.role").value("THERAPIST"))
			.andExpect(jsonPath("$.therapistId").value(therapist.toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> grant = this.jdbc
			.sql("""
					SELECT actor_account_id, actor_role, detail FROM audit_event WHERE action = 'ROLE_GRANTED' AND record_id = ?""")
			.param(UUID.fromString(JsonPath.read(accepted, "$.accountId")))
			.query()
			.singleRow();
		Assertions.assertThat(grant)
			.containsEntry("actor_account_id", this.clinic.admin().id().value())
			.containsEntry("actor_role", "ADMIN")
			.containsEntry("detail", "role=THERAPIST");
		accept(invitation).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:invitation-refused"));
		this.mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"" + email + "\", \"password\": \"an invited therapist's password\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void clientsCannotBeInvitedAndTherapistInvitationsNameTheirTherapist() throws Exception {
		invite("c-" + UUID.randomUUID() + "@example.org", "CLIENT", null).andExpect(status().isUnprocessableContent());
		invite("t-" + UUID.randomUUID() + "@example.org", "THERAPIST", null)
			.andExpect(status().isUnprocessableContent());
		invite("t-" + UUID.randomUUID() + "@example.org", "THERAPIST", this.fixture.open().therapist())
			.andExpect(status().isNotFound());
	}

	@Test
	void anUnknownInvitationTokenGetsTheSameAnswerAsAUsedOne() throws Exception {
		accept("not-a-real-token").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("unknown, already used or expired")));
	}

	@Test
	void disablingAnAccountEndsItsPageSessionsToo() throws Exception {
		this.clinic.therapist();
		CurrentUser client = this.clinic.signedIn(this.clinic.client());
		new Pages(this.mvc, client).perform(get("/book")).andExpect(status().isOk());
		this.asAdmin.perform(post("/api/v1/admin/accounts/{id}/disable", client.id().value()))
			.andExpect(status().isNoContent());
		new Pages(this.mvc, client).perform(get("/book"))
			.andExpect(status().is3xxRedirection())
			.andExpect(MockMvcResultMatchers.redirectedUrl("/login"));
		this.asAdmin.perform(get("/api/v1/admin/accounts"))
			.andExpect(jsonPath("$[?(@.id == '" + client.id() + "')].enabled").value(Matchers.contains(false)));
	}

	@Test
	void anAdminCannotDisableThemselvesNorAnotherClinicsAccount() throws Exception {
		this.asAdmin.perform(post("/api/v1/admin/accounts/{id}/disable", this.clinic.admin().id().value()))
			.andExpect(status().isBadRequest());
		TestClinic other = this.fixture.open();
		this.asAdmin.perform(post("/api/v1/admin/accounts/{id}/disable", other.admin().id().value()))
			.andExpect(status().isNotFound());
	}

	private ResultActions invite(String email, String role, TherapistId therapist) throws Exception {
		String therapistMember = (therapist != null) ? ", \"therapistId\": \"" + therapist + "\"" : "";
		return this.asAdmin.perform(post("/api/v1/admin/invitations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"role\": \"" + role + "\"" + therapistMember + "}"));
	}

	private ResultActions accept(String token) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/invitations/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\": \"" + token + "\", \"password\": \"an invited therapist's password\"}"));
	}

}
