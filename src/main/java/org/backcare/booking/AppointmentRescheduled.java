package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/**
 * A session moved: from {@code previousTherapist}'s {@code previousStart} to
 * {@code previousEnd} (free again) to {@code therapist}'s {@code newStart} to
 * {@code newEnd}. {@code byClient}: the client moved it themselves.
 */
public record AppointmentRescheduled(AppointmentId appointment, ClinicId clinic, TherapistId therapist, ClientId client,
		Instant previousStart, Instant newStart, Instant newEnd, TherapistId previousTherapist, Instant previousEnd,
		boolean byClient) {
}
