package org.backcare.waitlist;

import org.backcare.platform.RuleRefused;

import org.springframework.http.HttpStatus;

/** A rule of the waitlist (or of booking, for an offer taken up) refused the request. */
class WaitlistRefused extends RuleRefused {

	WaitlistRefused(String rule, String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "waitlist-refused", "Waitlist refused", rule, detail);
	}

}
