package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/** A session took place (marked so by its therapist or the front desk). */
public record AppointmentCompleted(AppointmentId id, ClinicId clinic, TherapistId therapist, ClientId client,
		Instant start, Instant end) {
}
