package org.backcare.account;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The right password for an account whose address is not confirmed yet.
 */
class EmailNotConfirmed extends ProblemException {

	EmailNotConfirmed() {
		super(HttpStatus.FORBIDDEN, "email-not-confirmed", "Address not confirmed",
				"Confirm your e-mail address first: follow the link we sent you. For a new link, register again "
						+ "with the same address.");
	}

}
