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
	COMPLETED

}
