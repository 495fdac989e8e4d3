package org.backcare.platform;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal that the API answers with an RFC 9457 problem document. Modules throw
 * subclasses named for what went wrong ({@code SlotTaken}, {@code BookingRefused}); the
 * stable {@code type} lets clients react to the kind of problem without parsing the text.
 */
public abstract class ProblemException extends RuntimeException {

	private static final String TYPE_PREFIX = "urn:backcare:problem:";

	private final HttpStatus status;

	private final String slug;

	private final String title;

	protected ProblemException(HttpStatus status, String slug, String title, String detail) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.title = title;
	}

	/** The problem's stable name, the last part of its type. */
	public String slug() {
		return this.slug;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** Extra response headers, e.g. Retry-After. */
	public HttpHeaders headers() {
		return HttpHeaders.EMPTY;
	}

	/** Extra members of the problem document, e.g. the rule that refused a booking. */
	protected Map<String, Object> properties() {
		return Map.of();
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(type(this.slug));
		problem.setTitle(this.title);
		properties().forEach(problem::setProperty);
		return problem;
	}

	public static URI type(String slug) {
		return URI.create(TYPE_PREFIX + slug);
	}

}
