package org.backcare.waitlist;

import java.time.Instant;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.TherapistId;

/**
 * Time that became free for a therapist, offered to waiting clients from {@code readyAt}
 * on.
 */
record Opening(UUID id, ClinicId clinic, TherapistId therapist, TimeRange time, FreedBy freedBy, Instant readyAt,
		boolean closed) {

	enum FreedBy {

		CANCELLATION, MOVE, HOURS

	}

}
