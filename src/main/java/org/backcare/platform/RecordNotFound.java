package org.backcare.platform;

import org.springframework.http.HttpStatus;

/**
 * A path or body named a record that does not exist (or that the caller may not know
 * exists).
 */
public class RecordNotFound extends ProblemException {

	public RecordNotFound(String kind, Object id) {
		super(HttpStatus.NOT_FOUND, "not-found", kind + " not found",
				"No " + kind.toLowerCase() + " with id " + id + ".");
	}

}
