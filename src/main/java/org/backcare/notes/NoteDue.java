package org.backcare.notes;

import java.time.Duration;
import java.time.Instant;

import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.therapist.TherapistId;

/**
 * A session held whose note is not signed a day after it ended (the clinic's own rule:
 * notes are written while the session is fresh; colleges ask for records made promptly).
 */
public record NoteDue(AppointmentId appointment, TherapistId therapist, ClientId client, Instant start, Instant end) {

	/** How long after a session its note may wait before it is listed as due. */
	public static final Duration GRACE = Duration.ofHours(24);

}
