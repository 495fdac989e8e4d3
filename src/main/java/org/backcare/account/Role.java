package org.backcare.account;

public enum Role {

	/** A person who comes for care: sees and changes only their own records. */
	CLIENT,

	/**
	 * Sees their own schedule and the records of clients who have (or had) a session with
	 * them.
	 */
	THERAPIST,

	/** Clinic owner or front desk: manages the clinic and books on behalf of clients. */
	ADMIN

}
