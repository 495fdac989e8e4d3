package org.backcare.account;

import java.time.Duration;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Sign-in is paused for this address or account; the same answer whether or not the
 * account exists.
 */
class TooManyAttempts extends ProblemException {

	private final Duration retryAfter;

	private final SignInThrottle.Paused paused;

	TooManyAttempts(Duration retryAfter, SignInThrottle.Paused paused) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many sign-in attempts",
				"Too many failed sign-in attempts. Please wait " + wait(retryAfter) + " and try again.");
		this.retryAfter = retryAfter;
		this.paused = paused;
	}

	SignInThrottle.Paused paused() {
		return this.paused;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, this.retryAfter.toSeconds())));
		return headers;
	}

	private static String wait(Duration duration) {
		long seconds = Math.max(1, duration.toSeconds());
		return (seconds < 90) ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
	}

}
