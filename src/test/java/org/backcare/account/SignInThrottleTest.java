package org.backcare.account;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated failed sign-ins slow down, then pause, for known and unknown addresses alike (see
 * {@link SignInThrottle} for the rule and its sources).
 */
@IntegrationTest
class SignInThrottleTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void failuresSlowDownAfterThreeAndPauseAtFiveEvenForTheRightPassword() throws Exception {
		var clinic = this.fixture.open();
		String email = clinic.signedIn(clinic.client()).email();
		assertSequence(email);
		// Paused: even the right password gets the pause, not a token.
		attempt(email, ClinicFixture.PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("minutes")));
	}

	@Test
	void anUnknownAddressIsThrottledExactlyLikeAKnownOne() throws Exception {
		assertSequence("nobody-" + UUID.randomUUID() + "@example.org");
	}

	@Test
	void aSuccessBeforeThePauseClearsTheCount() throws Exception {
		var clinic = this.fixture.open();
		String email = clinic.signedIn(clinic.client()).email();
		attempt(email, "wrong password one").andExpect(status().isUnauthorized());
		attempt(email, "wrong password two").andExpect(status().isUnauthorized());
		attempt(email, ClinicFixture.PASSWORD).andExpect(status().isOk());
		attempt(email, "wrong password three").andExpect(status().isUnauthorized());
		attempt(email, "wrong password four").andExpect(status().isUnauthorized());
	}

	@Test
	void theLoginFormSaysWhenSignInIsPaused() throws Exception {
		String email = "form-" + UUID.randomUUID() + "@example.org";
		SignInThrottle throttle = new SignInThrottle(this.jdbc, Clock.systemUTC(), 1000);
		for (int i = 0; i < SignInThrottle.LOCK_AFTER; i++) {
			throttle.failed(email, null);
		}
		this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "whatever it is"))
			.andExpect(redirectedUrl("/login?paused"));
	}

	@Test
	void oneNetworkAddressIsPausedAfterItsLimitWhateverAddressesItTries() {
		SignInThrottle throttle = new SignInThrottle(this.jdbc, Clock.systemUTC(), 6);
		String ip = "198.51.100." + (1 + new java.util.Random().nextInt(250)) + "-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			String email = "spray-" + UUID.randomUUID() + "@example.org";
			assertThatCode(() -> throttle.check(email, ip)).doesNotThrowAnyException();
			throttle.failed(email, ip);
		}
		throttle.failed("spray-last@example.org", ip);
		assertThatThrownBy(() -> throttle.check("someone-else@example.org", ip)).isInstanceOf(TooManyAttempts.class);
		assertThatCode(() -> throttle.check("someone-else@example.org", "203.0.113.9")).doesNotThrowAnyException();
	}

	/** 1–3 fail plainly; then a wait of 1 s, then 2 s; the 5th failure pauses for 15 minutes. */
	private void assertSequence(String email) throws Exception {
		for (int i = 1; i <= 3; i++) {
			attempt(email, "wrong password " + i).andExpect(status().isUnauthorized());
		}
		attempt(email, "too soon").andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"));
		Thread.sleep(1100);
		attempt(email, "wrong password 4").andExpect(status().isUnauthorized());
		attempt(email, "too soon").andExpect(status().isTooManyRequests());
		Thread.sleep(2100);
		attempt(email, "wrong password 5").andExpect(status().isUnauthorized());
		attempt(email, "paused").andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:too-many-sign-in-attempts"));
	}

	private ResultActions attempt(String email, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"));
	}

}
