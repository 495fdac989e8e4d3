package org.backcare.waitlist;

import java.time.Instant;
import java.util.UUID;

import org.backcare.booking.AppointmentId;
import org.backcare.therapist.TherapistId;

/**
 * One start time offered to one waiting client for one opening, open until
 * {@code expires} or until answered.
 */
record Offer(UUID id, UUID opening, UUID request, TherapistId therapist, Instant start, Instant end, Instant offeredAt,
		Instant expires, Status status, Instant answeredAt, AppointmentId appointment) {

	enum Status {

		OPEN, ACCEPTED, DECLINED, EXPIRED, GONE, WITHDRAWN

	}

	boolean openAt(Instant now) {
		return this.status == Status.OPEN && this.expires.isAfter(now);
	}

}
