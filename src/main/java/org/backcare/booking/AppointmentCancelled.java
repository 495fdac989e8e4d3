package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

public record AppointmentCancelled(AppointmentId appointment, ClinicId clinic, TherapistId therapist, ClientId client,
		Instant start, String reason) {
}
