package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/**
 * A session booked, published in the booking's transaction. A single booking publishes it
 * just before its row is written, so that what listeners hand to
 * {@link org.backcare.platform.PendingWrites} (the client's notice) travels in the same
 * statement as the row: a listener that reads the session listens before commit
 * ({@code @TransactionalEventListener}), when it exists; one that runs at once only adds
 * pending writes. A booking that fails rolls back with everything its listeners wrote.
 */
public record AppointmentBooked(AppointmentId appointment, ClinicId clinic, TherapistId therapist, ClientId client,
		String service, Instant start, Instant end) {
}
