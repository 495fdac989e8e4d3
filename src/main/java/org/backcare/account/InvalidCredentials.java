package org.backcare.account;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The same answer for an unknown e-mail and a wrong password, so that nobody learns who
 * has an account.
 */
class InvalidCredentials extends ProblemException {

	InvalidCredentials() {
		super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed", "E-mail or password is wrong.");
	}

}
