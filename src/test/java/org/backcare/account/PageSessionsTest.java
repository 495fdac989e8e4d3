package org.backcare.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in page session as a browser uses it, over HTTP against the real session
 * store: its last access is written at most once a minute, and it still ends when idle
 * for its whole lifetime.
 */
@IntegrationTest
class PageSessionsTest {

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String cookie;

	private String sessionId;

	@BeforeEach
	void signIn() throws Exception {
		TestClinic clinic = this.fixture.open();
		CurrentUser client = clinic.signedIn(clinic.client());
		HttpResponse<String> form = this.http.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", Pages.sessionCookie(form))
			.POST(HttpRequest.BodyPublishers.ofString("username="
					+ URLEncoder.encode(client.email(), StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(ClinicFixture.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		this.cookie = Pages.sessionCookie(signedIn);
		this.sessionId = new String(Base64.getDecoder().decode(this.cookie.substring("SESSION=".length())),
				StandardCharsets.US_ASCII);
	}

	@Test
	void pageViewsWithinAMinuteOfTheLastWriteLeaveTheSessionRowAlone() throws Exception {
		long signedInAt = lastAccess();

		assertThat(page().statusCode()).isEqualTo(200);
		assertThat(page().statusCode()).isEqualTo(200);

		assertThat(lastAccess()).isEqualTo(signedInAt);
	}

	@Test
	void aPageViewAMinuteOrMoreAfterTheLastWriteMovesTheSessionsExpiry() throws Exception {
		long twoMinutesAgo = movedBack(Duration.ofMinutes(2));

		long before = System.currentTimeMillis();
		assertThat(page().statusCode()).isEqualTo(200);

		assertThat(lastAccess()).isGreaterThanOrEqualTo(before).isGreaterThan(twoMinutesAgo);
		assertThat(this.jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single()).isEqualTo(Duration.ofMinutes(30).toMillis());
	}

	@Test
	void aSessionIdleForItsWholeLifetimeHasEnded() throws Exception {
		movedBack(Duration.ofMinutes(30).plusSeconds(1));

		HttpResponse<String> page = page();

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
	}

	private HttpResponse<String> page() throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/me/appointments")).header("Cookie", this.cookie).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private long lastAccess() {
		return this.jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
			.param(this.sessionId)
			.query(Long.class)
			.single();
	}

	/** As if the session had last been written {@code ago}; returns that moment. */
	private long movedBack(Duration ago) {
		long then = System.currentTimeMillis() - ago.toMillis();
		this.jdbc.sql(
				"UPDATE spring_session SET last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000::bigint"
						+ " WHERE session_id = ?")
			.params(then, then, this.sessionId)
			.update();
		return then;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
