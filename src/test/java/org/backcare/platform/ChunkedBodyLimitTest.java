package org.backcare.platform;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body sent in chunks, with no length to refuse it by up front, is cut off at the
 * limit: 413.
 */
@IntegrationTest
class ChunkedBodyLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	ClinicFixture fixture;

	@Test
	void anOversizedChunkedBodyIsRefusedWith413() throws Exception {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		byte[] body = ("{\"service\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/appointments"))
			.header("Content-Type", "application/json")
			.header("Authorization", clinic.bearer(clinic.admin()))
			// An input stream has no known length, so the client sends it chunked.
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("payload-too-large", "65536 bytes");
	}

}
