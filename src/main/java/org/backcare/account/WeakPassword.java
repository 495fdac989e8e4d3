package org.backcare.account;

import java.util.List;
import java.util.Map;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The chosen password does not meet {@link PasswordPolicy}; the detail says how to fix
 * it.
 */
class WeakPassword extends ProblemException {

	WeakPassword(String detail) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

	@Override
	protected Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", "password", "message", getMessage())));
	}

}
