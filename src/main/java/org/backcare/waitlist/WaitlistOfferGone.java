package org.backcare.waitlist;

import java.time.Instant;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/**
 * An offer still open is gone: somebody else offered the same time took it up first. The
 * client stays on the waitlist.
 */
public record WaitlistOfferGone(UUID offer, ClinicId clinic, ClientId client, TherapistId therapist, String service,
		Instant start) {
}
