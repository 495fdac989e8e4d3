package org.backcare.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated sign-in attempts slow down, then pause, for known and unknown addresses alike,
 * and cannot be raced past (see {@link SignInThrottle} for the rule and its sources).
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
	void attemptsFourAndFiveAreSlowedAndTheSixthPausesEvenWithTheRightPassword() throws Exception {
		var clinic = this.fixture.open();
		String email = clinic.signedIn(clinic.client()).email();
		assertSequence(email);
		attempt(email, ClinicFixture.PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("minutes")));
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
		for (int i = 0; i < 3; i++) {
			attempt(email, "wrong password again " + i).andExpect(status().isUnauthorized());
		}
	}

	@Test
	void parallelAttemptsCannotRacePastTheLimit() throws Exception {
		String email = "race-" + UUID.randomUUID() + "@example.org";
		int racers = 24;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int i = 0; i < racers; i++) {
				int n = i;
				Callable<Integer> racer = () -> {
					go.await();
					return attempt(email, "guess number " + n).andReturn().getResponse().getStatus();
				};
				results.add(pool.submit(racer));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnly(401, 429);
			assertThat(statuses).filteredOn(status -> status == 401).hasSize(SignInThrottle.LOCK_AFTER);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void thePauseDoesNotResetWhileAttemptsGoOnButDoesAfterAQuietQuarterHour() {
		String email = "persistent-" + UUID.randomUUID() + "@example.org";
		Instant start = Instant.parse("2026-11-24T10:00:00Z");
		for (int i = 0; i < SignInThrottle.LOCK_AFTER; i++) {
			throttleAt(start).admit(email, null);
		}
		assertThatThrownBy(() -> throttleAt(start).admit(email, null)).isInstanceOf(TooManyAttempts.class);
		// Right after the pause ends, the next attempt pauses again: no five fresh
		// guesses.
		assertThatThrownBy(() -> throttleAt(start.plus(Duration.ofMinutes(16))).admit(email, null))
			.isInstanceOf(TooManyAttempts.class);
		// A quarter of an hour of quiet after the last pause ends starts afresh.
		assertThatCode(() -> throttleAt(start.plus(Duration.ofMinutes(16 + 15 + 16))).admit(email, null))
			.doesNotThrowAnyException();
	}

	@Test
	void theLoginFormSaysWhenSignInIsPaused() throws Exception {
		String email = "form-" + UUID.randomUUID() + "@example.org";
		SignInThrottle throttle = new SignInThrottle(this.jdbc, Clock.systemUTC(), 1000);
		for (int i = 0; i < SignInThrottle.LOCK_AFTER; i++) {
			throttle.admit(email, null);
		}
		this.mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "whatever it is"))
			.andExpect(redirectedUrl("/login?paused"));
	}

	@Test
	void oneNetworkAddressIsPausedAfterItsLimitWhateverAddressesItTries() {
		SignInThrottle throttle = new SignInThrottle(this.jdbc, Clock.systemUTC(), 6);
		String ip = "198.51.100." + (1 + new Random().nextInt(250)) + "-" + UUID.randomUUID();
		for (int i = 0; i < 6; i++) {
			String email = "spray-" + UUID.randomUUID() + "@example.org";
			assertThatCode(() -> throttle.admit(email, ip)).doesNotThrowAnyException();
		}
		assertThatThrownBy(() -> throttle.admit("someone-else@example.org", ip)).isInstanceOf(TooManyAttempts.class);
		assertThatCode(() -> throttle.admit("someone-else@example.org", "203.0.113.9")).doesNotThrowAnyException();
	}

	@Test
	void anIpv6HostIsCountedByItsSlash64() {
		assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"))
			.isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:bbbb:cccc:dddd:2"))
			.isNotEqualTo(SignInThrottle.addressKey("2001:db8:1:3::1"));
		assertThat(SignInThrottle.addressKey("192.0.2.7")).isEqualTo("address:192.0.2.7");
	}

	private SignInThrottle throttleAt(Instant now) {
		return new SignInThrottle(this.jdbc, Clock.fixed(now, ZoneOffset.UTC), 1000);
	}

	/**
	 * 1–3 fail at once; 4 and 5 fail after 1 s and 2 s; the 6th is refused with a
	 * 15-minute pause.
	 */
	private void assertSequence(String email) throws Exception {
		for (int i = 1; i <= 3; i++) {
			attempt(email, "wrong password " + i).andExpect(status().isUnauthorized());
		}
		long started = System.nanoTime();
		attempt(email, "wrong password 4").andExpect(status().isUnauthorized());
		attempt(email, "wrong password 5").andExpect(status().isUnauthorized());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
		attempt(email, "wrong password 6").andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.type").value("urn:backcare:problem:too-many-sign-in-attempts"));
	}

	private ResultActions attempt(String email, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"));
	}

}
