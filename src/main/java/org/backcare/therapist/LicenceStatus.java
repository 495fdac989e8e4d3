package org.backcare.therapist;

public enum LicenceStatus {

	VALID, EXPIRING_SOON, EXPIRED, NOT_YET_VALID,

	/** Recorded, but nobody at the clinic has checked the document yet. */
	UNVERIFIED,

	NONE;

	public boolean allowsPractice() {
		return this == VALID || this == EXPIRING_SOON;
	}

}
