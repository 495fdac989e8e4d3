package org.backcare.platform;

import org.springframework.http.HttpStatus;

/** The caller is known but their role does not allow this; the detail says why. */
public class Forbidden extends ProblemException {

	public Forbidden(String detail) {
		super(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
	}

}
