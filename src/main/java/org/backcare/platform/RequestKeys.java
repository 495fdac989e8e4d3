package org.backcare.platform;

import org.springframework.http.HttpStatus;

/**
 * Request keys: what makes a resent request return the first one's result instead of
 * writing twice. Each is stored beside the record it wrote, per caller, prefixed with
 * where it came from, so an API client's {@code Idempotency-Key} never meets a form's.
 */
public final class RequestKeys {

	/** The {@code Idempotency-Key} header, as the API documents it. */
	public static final String IDEMPOTENCY = "Any unique string; a retry with the same key returns the first result "
			+ "(409 'request-key-reused' when it was for another client)";

	private RequestKeys() {
	}

	/** An API caller's {@code Idempotency-Key}, as stored; null for none. */
	public static String fromApi(String idempotencyKey) {
		return (idempotencyKey != null) ? "api-" + idempotencyKey : null;
	}

	/**
	 * A form's own key (the UUID the page gave it, optionally followed by the item it is
	 * for, as {@code <uuid>-walk}), as stored; null for anything else.
	 */
	public static String fromForm(String requestKey) {
		return (requestKey != null && requestKey.matches("[0-9a-f-]{36}(-[a-z-]{1,44})?")) ? "page-" + requestKey
				: null;
	}

	/** A request key sent again for another client's record: nothing is written. */
	public static class Reused extends ProblemException {

		public Reused() {
			super(HttpStatus.CONFLICT, "request-key-reused", "Request key reused",
					"This request key was already used for another client's record. Use a new key for a new request.");
		}

	}

}
