package org.backcare.booking;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The same Idempotency-Key came back with a different request: a client bug, never
 * silently replayed.
 */
class IdempotencyKeyReused extends ProblemException {

	IdempotencyKeyReused() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
				"This Idempotency-Key was already used for a different booking request. Use a new key for a new request.");
	}

}
