package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

/**
 * A session booked for a client with a therapist. The therapist is busy until
 * {@code blockedUntil}, the end of the service's cleanup buffer.
 * {@code lateCancellation}: cancelled inside the clinic's cancellation window (by the
 * front desk).
 */
public record Appointment(AppointmentId id, ClinicId clinicId, TherapistId therapistId, ClientId clientId,
		String service, Technique technique, Instant start, Instant end, Instant blockedUntil, AppointmentStatus status,
		Instant cancelledAt, String cancellationReason, int version, boolean lateCancellation) {

	/** A new appointment: nothing has happened to it yet. */
	public Appointment(AppointmentId id, ClinicId clinicId, TherapistId therapistId, ClientId clientId, String service,
			Technique technique, Instant start, Instant end, Instant blockedUntil, AppointmentStatus status,
			Instant cancelledAt, String cancellationReason, int version) {
		this(id, clinicId, therapistId, clientId, service, technique, start, end, blockedUntil, status, cancelledAt,
				cancellationReason, version, false);
	}

	public TimeRange session() {
		return new TimeRange(this.start, this.end);
	}

	public boolean isActive() {
		return this.status == AppointmentStatus.BOOKED;
	}

}
