package org.backcare.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

/** What a client (or the front desk for them) asks for. */
public record BookingRequest(ClientId client, TherapistId therapist, String service, Instant start, Technique technique) {

	/** Identifies the request's content, so that a reused Idempotency-Key with other content is caught. */
	String fingerprint() {
		String canonical = this.client + "|" + this.therapist + "|" + this.service + "|" + this.start + "|" + this.technique;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

}
