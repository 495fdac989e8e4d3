package org.backcare.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.backcare.Api;
import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every refusal is a problem document with a stable BackCare type, whichever layer
 * refuses: Spring MVC (a missing parameter, a wrong method, media type or Accept) or the
 * servlet container itself (paths it will not decode), which answers with BackCare's
 * security headers too.
 */
@IntegrationTest
class EveryRefusalHasATypeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@LocalServerPort
	int port;

	@Test
	void aMissingQueryParameterIsAnInvalidRequestNamingIt() throws Exception {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		Api admin = new Api(this.mvc, clinic.bearer(clinic.admin()));
		admin.perform(get("/api/v1/therapists/{id}/schedule", clinic.therapist().value()).param("to", "2026-12-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:invalid-request"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("'from'")));
		this.mvc.perform(get("/api/v1/availability").param("clinic", clinic.clinic().id().toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:invalid-request"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("'service'")));
	}

	@Test
	void aWrongMethodMediaTypeOrAcceptHasItsOwnType() throws Exception {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		new Api(this.mvc, clinic.bearer(clinic.admin())).perform(put("/api/v1/therapists"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:method-not-allowed"));
		this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:unsupported-media-type"));
		this.mvc.perform(get("/api/v1/intake/rules").accept(MediaType.APPLICATION_PDF))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:not-acceptable"));
	}

	@Test
	void pathsTheContainerWillNotDecodeGetAProblemWithSecurityHeaders() throws IOException {
		for (String path : new String[] { "/api/v1/appointments/a%2Fb", "/api/v1/appointments/a%00b",
				"/api/v1/appointments/%zz", "/appointments/a%2Fb" }) {
			String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(response).as(path).startsWith("HTTP/1.1 400");
			assertThat(response).as(path)
				.containsIgnoringCase("Content-Type: application/problem+json")
				.containsIgnoringCase("X-Content-Type-Options: nosniff")
				.containsIgnoringCase("Content-Security-Policy:")
				.contains("\"type\":\"urn:backcare:problem:invalid-request\"")
				.doesNotContainIgnoringCase("<html");
		}
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
