package org.backcare.account;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

class EmailTaken extends ProblemException {

	EmailTaken() {
		super(HttpStatus.CONFLICT, "email-taken", "E-mail already registered",
				"An account with this e-mail address exists. Sign in, or reset the password.");
	}

}
