package org.backcare.review;

import java.time.Instant;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/**
 * A client's review of a therapist, as it stands; hidden ones keep who hid them and why.
 */
public record Review(UUID id, ClinicId clinicId, TherapistId therapistId, ClientId clientId, Ratings ratings,
		String text, Instant writtenAt, int revision, String reply, Instant repliedAt, Instant hiddenAt,
		String hiddenReason) {

	public boolean hidden() {
		return this.hiddenAt != null;
	}

}
