package org.backcare.therapist;

import org.backcare.clinic.ClinicId;

/**
 * A therapist's licence or certification was recorded, verified or ended: what makes them
 * bookable changed, so the audit log keeps who did it and when. {@code detail} names the
 * credential (jurisdiction and number, or the technique) — facts about the therapist's
 * registration, no client data.
 */
public record CredentialChanged(Change change, TherapistId therapist, ClinicId clinic, String detail) {

	public enum Change {

		LICENCE_RECORDED, LICENCE_VERIFIED, LICENCE_ENDED, CERTIFICATION_RECORDED, CERTIFICATION_VERIFIED

	}

}
