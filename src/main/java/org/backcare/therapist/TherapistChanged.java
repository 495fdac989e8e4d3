package org.backcare.therapist;

import org.backcare.clinic.ClinicId;

/**
 * A therapist joined or left, or their profile, working hours or time off changed: who
 * clients see and when they can book changed, so the audit log keeps who did it and when.
 * {@code detail} says what (the new hours, the period off) — facts about the therapist's
 * time, no client data.
 */
public record TherapistChanged(Change change, TherapistId therapist, ClinicId clinic, String detail) {

	public enum Change {

		CREATED, PROFILE_CHANGED, HOURS_SET, TIME_OFF_ADDED, TIME_OFF_REMOVED, DEACTIVATED, REACTIVATED

	}

}
