package org.backcare.booking;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Someone else holds the time: PostgreSQL's exclusion constraint said so, which is final.
 */
public class SlotTaken extends ProblemException {

	SlotTaken(String slug, String detail) {
		super(HttpStatus.CONFLICT, slug, "Time not available", detail);
	}

	static SlotTaken forTherapist() {
		return new SlotTaken("slot-taken",
				"The therapist is already booked at that time (including the cleanup buffer). Please choose another slot.");
	}

	static SlotTaken forClient() {
		return new SlotTaken("client-double-booked", "The client already has another appointment at that time.");
	}

}
