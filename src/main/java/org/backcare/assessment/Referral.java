package org.backcare.assessment;

/** What the red-flag screen asks of the client before any massage. */
public enum Referral {

	NONE,

	/** See a doctor before massage (within days). */
	SEE_DOCTOR,

	/** Possible cauda equina syndrome: emergency care today. */
	URGENT;

	public boolean blocksBooking() {
		return this != NONE;
	}

}
