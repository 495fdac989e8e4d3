package org.backcare.booking;

import java.util.HashSet;
import java.util.Set;

import org.backcare.client.ClientId;
import org.backcare.platform.TransactionBound;
import org.backcare.therapist.TherapistId;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The therapist–client pairs one request has found to have met. A page such as the
 * therapist's day checks the same pair once for every record it shows (notes, feedback,
 * intakes, the proposal): one query per pair instead of one per record. Only "have met"
 * is remembered, for a request that reads (a cancellation in the same request could make
 * it untrue; no request both cancels and then checks the pair); found inside a
 * transaction, only until it ends (its own booking may roll back). "Not met" is asked
 * again, since the request itself may book the first session.
 */
final class MetInThisRequest {

	private static final String KEY = MetInThisRequest.class.getName();

	private MetInThisRequest() {
	}

	/** Whether this request found the pair to have met already. */
	static boolean known(TherapistId therapist, ClientId client) {
		Set<String> met = met(false);
		Set<String> inTransaction = TransactionBound.get(KEY, null);
		return (met != null && met.contains(key(therapist, client)))
				|| (inTransaction != null && inTransaction.contains(key(therapist, client)));
	}

	/** Remembers, for the rest of the request, that the pair have met. */
	static void remember(TherapistId therapist, ClientId client) {
		Set<String> met = TransactionSynchronizationManager.isActualTransactionActive()
				? TransactionBound.get(KEY, HashSet::new) : met(true);
		if (met != null) {
			met.add(key(therapist, client));
		}
	}

	@SuppressWarnings("unchecked")
	private static Set<String> met(boolean create) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		Set<String> met = (Set<String>) request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
		if (met == null && create) {
			met = new HashSet<>();
			request.setAttribute(KEY, met, RequestAttributes.SCOPE_REQUEST);
		}
		return met;
	}

	private static String key(TherapistId therapist, ClientId client) {
		return therapist.value() + "/" + client.value();
	}

}
