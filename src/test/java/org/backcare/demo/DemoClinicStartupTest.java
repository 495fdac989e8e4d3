package org.backcare.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start on an empty database serves the demo clinic, exactly as `./mvnw
 * spring-boot:run` does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
class DemoClinicStartupTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoClinic demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEmptyDatabaseIsSeededWithTheDemoClinicAndServesItOverHttp() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/therapists")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Anna Keller", "Farah Haddad", "\"EXPIRED\"", "\"EXPIRING_SOON\"",
				"MYOFASCIAL_RELEASE", "TRIGGER_POINT");
		// Six at work and one who has left (not listed).
		assertThat(response.body()).doesNotContain("Greta Lindqvist");
		assertThat(count("therapist")).isEqualTo(7);
		assertThat(count("client")).isGreaterThanOrEqualTo(3);
		// Anna's notes: Maria's ten, shared with her, Sofia's amended.
		assertThat(count("session_note WHERE signed_at IS NOT NULL")).isEqualTo(11);
		assertThat(count("session_note_share")).isEqualTo(10);
		// Maria's progress: two follow-ups from paper and Anna's signed summary.
		assertThat(count("follow_up")).isEqualTo(2);
		assertThat(count("progress_summary")).isEqualTo(1);
		assertThat(count("session_note_amendment")).isEqualTo(1);
	}

	@Test
	void seedingAgainChangesNothing() {
		this.demo.run(new DefaultApplicationArguments());
		this.demo.run(new DefaultApplicationArguments());

		assertThat(count("clinic")).isEqualTo(1);
		assertThat(count("therapist")).isEqualTo(7);
	}

	@Test
	void theHomePageListsTheDemoTherapistsWithTheirNextFreeSlots() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Riverside Back Care", "Anna Keller", "Licence expired",
				"Licence expiring soon", "Next free", "/book?therapist=");
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
