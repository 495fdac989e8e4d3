package org.backcare.waitlist;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An offer that can no longer be taken up or declined: it expired, was answered already
 * (a link used twice), withdrawn, or its time was taken by someone else (410 Gone).
 */
class OfferEnded extends ProblemException {

	OfferEnded(String detail) {
		super(HttpStatus.GONE, "offer-ended", "Offer ended", detail);
	}

}
