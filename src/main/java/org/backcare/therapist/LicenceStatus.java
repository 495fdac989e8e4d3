package org.backcare.therapist;

public enum LicenceStatus {

	VALID, EXPIRING_SOON, EXPIRED, NOT_YET_VALID, NONE;

	public boolean allowsPractice() {
		return this == VALID || this == EXPIRING_SOON;
	}

}
