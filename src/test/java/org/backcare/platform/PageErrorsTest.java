package org.backcare.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;
import org.backcare.Pages;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Someone reading pages who hits a refusal or a failure gets a page of the site — its
 * navigation, a plain sentence, a way back — with the right status, never the framework's
 * "Whitelabel" page or raw problem JSON. The API keeps its problem documents.
 */
@IntegrationTest
class PageErrorsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@LocalServerPort
	int port;

	/**
	 * Over real HTTP: the security chain's refusal is rendered by the servlet container's
	 * error dispatch.
	 */
	@Test
	void aPageTheRoleMayNotOpenIsA403PageInTheLayout() throws Exception {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		// The session cookie is Secure, so it is carried by hand over this plain-HTTP
		// test connection.
		HttpClient browser = HttpClient.newHttpClient();
		String base = "http://localhost:" + this.port;
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(csrf.find()).isTrue();
		String form = "username="
				+ URLEncoder.encode(clinic.signedIn(clinic.therapist()).email(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(ClinicFixture.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<Void> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", Pages.sessionCookie(login))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), BodyHandlers.discarding());

		HttpResponse<String> denied = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin"))
			.header("Accept", "text/html")
			.header("Cookie", Pages.sessionCookie(signedIn))
			.build(), BodyHandlers.ofString());

		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(denied.body())
			.contains("This page is not open to you", "<nav aria-label=\"Main\">", "Go to the start page")
			.doesNotContain("Whitelabel");
	}

	/**
	 * Over real HTTP: the size limit refuses before anything reads the form, and the
	 * error page explains.
	 */
	@Test
	void anOversizedFormIsA413Page() throws Exception {
		HttpResponse<String> tooLarge = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/intake"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("wantToDoAgain=" + "x".repeat(70_000)))
				.build(), BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(tooLarge.body()).contains("That was more than we can take at once", "Go to the start page");
	}

	@Test
	void anUnknownRecordOrPageIsA404Page() throws Exception {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		Pages admin = new Pages(this.mvc, clinic.admin());
		friendly(admin.perform(get("/appointments/{id}", UUID.randomUUID())).andExpect(status().isNotFound()))
			.andExpect(content().string(containsString("We could not find that page")));
		friendly(admin.perform(get("/no-such-page")).andExpect(status().isNotFound()));
	}

	@Test
	void aMalformedPageRequestIsA400PageAndAWrongMethodA405Page() throws Exception {
		ClinicFixture.TestClinic clinic = this.fixture.open();
		Pages admin = new Pages(this.mvc, clinic.admin());
		friendly(admin.perform(get("/book/slots").param("therapist", "not-an-id").param("service", "TREATMENT_60"))
			.andExpect(status().isBadRequest()))
			.andExpect(content().string(containsString("Something in that request was not right")));
		friendly(admin.perform(put("/intake")).andExpect(status().isMethodNotAllowed()));
	}

	@Test
	void everyErrorStatusHasItsPage() throws Exception {
		for (int code : new int[] { 400, 403, 404, 405, 413, 429, 500, 503 }) {
			friendly(this.mvc
				.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", code)
					.requestAttr("jakarta.servlet.error.request_uri", "/somewhere")
					.accept(MediaType.TEXT_HTML))
				.andExpect(status().is(code)));
		}
	}

	@Test
	void theApiKeepsItsProblemDocuments() throws Exception {
		this.mvc
			.perform(get("/api/v1/appointments/{id}", "not-an-id").header("Authorization",
					this.fixture.open().bearer(this.fixture.open().admin())))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theFaviconAndRobotsTxtAreServed() throws Exception {
		this.mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
		this.mvc.perform(get("/robots.txt"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Disallow: /api/")));
		this.mvc.perform(get("/login")).andExpect(content().string(containsString("<meta name=\"description\"")));
	}

	/**
	 * A page of the site: its layout and navigation, a way back, no framework page, no
	 * JSON.
	 */
	private static ResultActions friendly(ResultActions page) throws Exception {
		return page.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<nav aria-label=\"Main\">")))
			.andExpect(content().string(containsString("Go to the start page")))
			.andExpect(content().string(not(containsString("Whitelabel"))))
			.andExpect(content().string(not(containsString("urn:backcare:problem"))));
	}

}
