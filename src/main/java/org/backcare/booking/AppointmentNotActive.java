package org.backcare.booking;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** Only a booked appointment can be cancelled or moved. */
class AppointmentNotActive extends ProblemException {

	AppointmentNotActive(AppointmentId id, AppointmentStatus status) {
		super(HttpStatus.CONFLICT, "appointment-not-active", "Appointment not active",
				"Appointment " + id + " is " + status.name().toLowerCase() + " and can no longer be changed.");
	}

}
