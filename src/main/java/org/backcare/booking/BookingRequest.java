package org.backcare.booking;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.platform.Sha256;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

/** What a client (or the front desk for them) asks for. */
public record BookingRequest(ClientId client, TherapistId therapist, String service, Instant start,
		Technique technique) {

	/**
	 * Identifies the request's content, so that a reused Idempotency-Key with other
	 * content is caught.
	 */
	String fingerprint() {
		return Sha256
			.hex(this.client + "|" + this.therapist + "|" + this.service + "|" + this.start + "|" + this.technique);
	}

}
