package org.backcare.platform;

import org.springframework.http.HttpStatus;

/**
 * Input that is well-formed but makes no sense, such as a date range that ends before it
 * starts.
 */
public class InvalidRequest extends ProblemException {

	public InvalidRequest(String detail) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

}
