package org.backcare.account;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.IntegrationTest;
import org.backcare.Pages;
import org.backcare.client.ClientId;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in, tokens and their end, registration, and the protections of the pages. */
@IntegrationTest
class SignInAndTokensTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	BearerTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@LocalServerPort
	int port;

	TestClinic clinic;

	CurrentUser client;

	@BeforeEach
	void openClinic() {
		this.clinic = this.fixture.open();
		ClientId id = this.clinic.client();
		this.client = this.clinic.signedIn(id);
	}

	@Test
	void theTokenEndpointIssuesAShortLivedBearerTokenThatOpensTheApi() throws Exception {
		tokenRequest(this.client.email(), ClinicFixture.PASSWORD).andExpect(status().isOk())
			.andExpect(jsonPath("$.tokenType").value("Bearer"))
			.andExpect(jsonPath("$.expiresIn").value(900))
			.andExpect(jsonPath("$.accessToken").isNotEmpty());
		me(this.clinic.bearer(this.client)).andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(this.client.email()))
			.andExpect(jsonPath("$.role").value("CLIENT"));
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() throws Exception {
		String wrongPassword = tokenRequest(this.client.email(), "not the right password")
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownEmail = tokenRequest("nobody-" + UUID.randomUUID() + "@example.org", ClinicFixture.PASSWORD)
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknownEmail).isEqualTo(wrongPassword).contains("E-mail or password is wrong.");
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		String expired = this.tokens.issue(this.client, Instant.now().minus(Duration.ofMinutes(16))).token();
		me("Bearer " + expired).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:unauthenticated"));
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);
		NimbusJwtEncoder forger = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(otherKey, "HmacSHA256")));
		String forged = forger.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder()
					.subject(this.client.id().toString())
					.claim("role", "ADMIN")
					.claim("ver", 0)
					.expiresAt(Instant.now().plusSeconds(600))
					.build()))
			.getTokenValue();
		me("Bearer " + forged).andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenWithoutExpiryOrFromAnotherIssuerIsRefusedAndThereIsNoGraceAfterExpiry() throws Exception {
		me("Bearer "
				+ this.tokens.issue(this.client, Instant.now().minus(Duration.ofMinutes(15)).minusSeconds(2)).token())
			.andExpect(status().isUnauthorized());
		me("Bearer " + signedWithOurKey(JwtClaimsSet.builder()
			.issuer(BearerTokens.ISSUER)
			.subject(this.client.id().toString())
			.claim("ver", 0)
			.build())).andExpect(status().isUnauthorized());
		me("Bearer " + signedWithOurKey(JwtClaimsSet.builder()
			.issuer("someone-else")
			.subject(this.client.id().toString())
			.claim("ver", 0)
			.expiresAt(Instant.now().plusSeconds(600))
			.build())).andExpect(status().isUnauthorized());
	}

	@Test
	void signingOutEverywhereThroughTheApiAlsoEndsPageSessions() throws Exception {
		CurrentUser admin = this.clinic.admin();
		this.clinic.therapist();
		new Pages(this.mvc, admin).perform(get("/book")).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/auth/logout").header("Authorization", this.clinic.bearer(admin)))
			.andExpect(status().isNoContent());
		new Pages(this.mvc, admin).perform(get("/book")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void loggingOutRevokesEveryTokenOfTheAccount() throws Exception {
		String first = this.clinic.bearer(this.client);
		String second = this.clinic.bearer(this.client);
		this.mvc.perform(post("/api/v1/auth/logout").header("Authorization", first)).andExpect(status().isNoContent());
		me(first).andExpect(status().isUnauthorized());
		me(second).andExpect(status().isUnauthorized());
		me(this.clinic.bearer(this.client)).andExpect(status().isOk());
	}

	@Test
	void disablingAnAccountRevokesItsTokensAndItsSignIn() throws Exception {
		String bearer = this.clinic.bearer(this.client);
		this.accounts.disable(this.client.id());
		me(bearer).andExpect(status().isUnauthorized());
		tokenRequest(this.client.email(), ClinicFixture.PASSWORD).andExpect(status().isUnauthorized());
	}

	@Test
	void unauthenticatedApiCallsGetAProblemDocumentThatSaysHowToSignIn() throws Exception {
		this.mvc.perform(get("/api/v1/appointments/{id}", UUID.randomUUID()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("POST /api/v1/auth/token")));
	}

	@Test
	void registrationOpensAClientAccountThatCanSignInOnceItsAddressIsConfirmed() throws Exception {
		String email = "new-" + UUID.randomUUID() + "@example.org";
		register(email, "a calm walk by the river").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.message", containsString("We sent a message to that address")));
		tokenRequest(email, "a calm walk by the river").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:email-not-confirmed"));
		this.fixture.confirmRegistration(email);
		String token = JsonPath.read(tokenRequest(email, "a calm walk by the river").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.accessToken");
		me("Bearer " + token).andExpect(jsonPath("$.role").value("CLIENT"))
			.andExpect(jsonPath("$.clientId").isNotEmpty());
		// The same answer for a known address; its owner is told instead.
		register(email.toUpperCase(), "another calm walk by the sea").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.message", containsString("We sent a message to that address")));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM mail_message WHERE recipient = ? AND kind = 'ACCOUNT_ALREADY_REGISTERED'")
			.param(email)
			.query(Long.class)
			.single()).isOne();
		tokenRequest(email, "another calm walk by the sea").andExpect(status().isUnauthorized());
	}

	@Test
	void registrationWithoutBothConsentsIsRefusedAndWritesNothing() throws Exception {
		String email = "no-consent-" + UUID.randomUUID() + "@example.org";
		this.mvc
			.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"name": "New Client", "email": "%s", "password": "a calm walk by the river", "dateOfBirth": "1990-05-01",
								 "consentToTreatment": true, "consentToDataProcessing": false}"""
							.formatted(email)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("consentToDataProcessing"));
		assertThat(this.accounts.exists(email)).isFalse();
	}

	@Test
	void registrationRecordsBothConsentsWithTheirTextVersion() throws Exception {
		String email = "consent-" + UUID.randomUUID() + "@example.org";
		register(email, "a calm walk by the river").andExpect(status().isAccepted());
		AccountId account = this.accounts.idOf(email).orElseThrow();
		assertThat(this.accounts.consents(account)).extracting(Accounts.Consent::kind, Accounts.Consent::textVersion)
			.containsExactlyInAnyOrder(Tuple.tuple("TREATMENT", ConsentTexts.TREATMENT.version()),
					Tuple.tuple("DATA_PROCESSING", ConsentTexts.DATA_PROCESSING.version()));
	}

	@Test
	void registrationRefusesShortCommonAndSelfNamingPasswords() throws Exception {
		String email = "weak-" + UUID.randomUUID() + "@example.org";
		register(email, "elevenchars").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.detail", containsString("at least 12")));
		register(email, "iloveyou1234").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("commonly used")));
		register(email, "x" + email).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("e-mail")));
		tokenRequest(email, "iloveyou1234").andExpect(status().isUnauthorized());
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/book").with(Pages.as(this.clinic.admin()))
				.param("therapist", UUID.randomUUID().toString())
				.param("service", "TREATMENT_60")
				.param("client", UUID.randomUUID().toString()))
			.andExpect(status().isForbidden());
	}

	@Test
	void signingInGivesTheSessionANewId() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> form = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String before = Pages.sessionCookie(form);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();

		HttpResponse<String> signedIn = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", before)
			.POST(HttpRequest.BodyPublishers.ofString("username="
					+ URLEncoder.encode(this.client.email(), StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(ClinicFixture.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(signedIn.statusCode()).isEqualTo(302);
		// A client lands on their appointments.
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/me/appointments"));
		assertThat(Pages.sessionCookie(signedIn)).isNotEqualTo(before);
	}

	@Test
	void aWrongPasswordOnTheLoginPageSaysSoWithoutNamingWhichPart() throws Exception {
		this.mvc.perform(
				post("/login").with(csrf()).param("username", this.client.email()).param("password", "nope nope nope"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", "nobody-" + UUID.randomUUID() + "@example.org")
				.param("password", "nope nope nope"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(containsString("E-mail or password is wrong.")));
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void theSessionCookieIsHttpOnlySecureAndSameSite() throws Exception {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly", "Secure", "SameSite=Lax"));
	}

	@Test
	void outsideDemoModeTheLoginPageListsNoAccounts() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Demo accounts"))));
	}

	private ResultActions tokenRequest(String email, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"));
	}

	private ResultActions register(String email, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "New Client", "email": "%s", "password": "%s", "dateOfBirth": "1990-05-01",
				 "consentToTreatment": true, "consentToDataProcessing": true}""".formatted(email, password)));
	}

	private ResultActions me(String bearer) throws Exception {
		return this.mvc.perform(get("/api/v1/me").header("Authorization", bearer));
	}

	/** A token signed with BackCare's own key, through the decoder's twin encoder. */
	private String signedWithOurKey(JwtClaimsSet claims) throws Exception {
		Field field = BearerTokens.class.getDeclaredField("encoder");
		field.setAccessible(true);
		NimbusJwtEncoder ours = (NimbusJwtEncoder) field.get(this.tokens);
		return ours.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	static String accessToken(String json) {
		return JsonPath.read(json, "$.accessToken");
	}

}
