package org.backcare.booking;

public enum AppointmentStatus {

	/** Holds the therapist's and the client's time. */
	BOOKED,

	/** Kept for the record; the time is free again. */
	CANCELLED,

	/**
	 * The session took place (marked by the therapist or the front desk); the client may
	 * review it.
	 */
	COMPLETED,

	/**
	 * The client did not come (set by staff once it has started); counted in their
	 * attendance.
	 */
	NO_SHOW

}
