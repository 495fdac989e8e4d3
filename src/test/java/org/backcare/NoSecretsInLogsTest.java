package org.backcare;

import java.util.UUID;

import org.backcare.ClinicFixture.TestClinic;
import org.backcare.booking.BookingApiTestBodies;
import org.backcare.client.ClientId;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Registering, signing in (rightly and wrongly), booking and conflicting leave no secret
 * or personal data in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Test
	void passwordsTokensAndAddressesNeverReachTheLog(CapturedOutput output) throws Exception {
		TestClinic clinic = this.fixture.open();
		String email = "private-" + UUID.randomUUID() + "@example.org";
		String password = "secret river stone " + UUID.randomUUID();
		this.mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Priya Private", "email": "%s", "password": "%s", "dateOfBirth": "1985-02-03",
				 "consentToTreatment": true, "consentToDataProcessing": true}""".formatted(email, password)));
		this.mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Priya Private", "email": "%s", "password": "%s", "dateOfBirth": "1985-02-03",
				 "consentToTreatment": true, "consentToDataProcessing": true}""".formatted(email, password)));
		this.fixture.confirmRegistration(email);
		this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"wrong " + password + "\"}"));
		String token = JsonPath.read(this.mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.accessToken");
		String clientId = JsonPath.read(this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.clientId");
		String booking = BookingApiTestBodies.body(new ClientId(UUID.fromString(clientId)), clinic.therapist(),
				clinic.inDays(5, 10, 0));
		this.mvc.perform(post("/api/v1/appointments").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking));
		this.mvc.perform(post("/api/v1/appointments").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(booking));

		this.mvc.perform(post("/login").with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("username", email)
			.param("password", password));
		this.mvc.perform(post("/login").with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("username", email)
			.param("password", "wrong " + password));
		this.mvc.perform(post("/api/v1/me/erasure").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirm\": true}"));

		assertThat(output.getAll()).doesNotContain(password, token, email, "Priya Private", "1985-02-03");
	}

}
