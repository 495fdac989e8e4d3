package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

public record AppointmentRescheduled(AppointmentId appointment, ClinicId clinic, TherapistId therapist, ClientId client,
		Instant previousStart, Instant newStart, Instant newEnd) {
}
