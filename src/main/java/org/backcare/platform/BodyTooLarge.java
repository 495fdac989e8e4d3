package org.backcare.platform;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Thrown while reading a body sent without a length once it passes the limit. An
 * {@link IOException}, so the reader stops at once; {@link ApiProblems} finds it in the
 * cause chain and answers 413.
 */
class BodyTooLarge extends IOException {

	private final long maxBytes;

	BodyTooLarge(long maxBytes) {
		super(detail(maxBytes));
		this.maxBytes = maxBytes;
	}

	static String detail(long maxBytes) {
		return "The request body is larger than the limit of " + maxBytes + " bytes.";
	}

	ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail(this.maxBytes));
		problem.setType(URI.create(ProblemException.type("payload-too-large").toString()));
		problem.setTitle("Request too large");
		return problem;
	}

}
