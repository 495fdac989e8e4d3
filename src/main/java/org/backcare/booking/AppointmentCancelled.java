package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/**
 * A session was cancelled: its time ({@code start} to {@code end}) is free again.
 * {@code byClient}: the client cancelled it themselves (not the front desk or the
 * therapist).
 */
public record AppointmentCancelled(AppointmentId appointment, ClinicId clinic, TherapistId therapist, ClientId client,
		Instant start, Instant end, String reason, boolean byClient) {
}
