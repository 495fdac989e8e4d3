package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.platform.Sha256;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

/**
 * What a client (or the front desk for them) asks for. {@code intakeWaiver}: why the
 * front desk books a treatment for a client without a current intake (null otherwise).
 */
public record BookingRequest(ClientId client, TherapistId therapist, String service, Instant start, Technique technique,
		String intakeWaiver) {

	public BookingRequest(ClientId client, TherapistId therapist, String service, Instant start, Technique technique) {
		this(client, therapist, service, start, technique, null);
	}

	/**
	 * Identifies the request's content, so that a reused Idempotency-Key with other
	 * content is caught.
	 */
	String fingerprint() {
		return Sha256.hex(this.client + "|" + this.therapist + "|" + this.service + "|" + this.start + "|"
				+ this.technique + ((this.intakeWaiver != null) ? "|" + this.intakeWaiver : ""));
	}

}
