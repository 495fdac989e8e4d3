package org.backcare.booking;

import org.backcare.client.Attendance;
import org.backcare.client.AttendanceRecord;
import org.backcare.client.ClientId;

import org.springframework.stereotype.Component;

/** The client record's attendance, counted from the appointments in one query. */
@Component
class AttendanceFromAppointments implements AttendanceRecord {

	private final AppointmentRepository appointments;

	AttendanceFromAppointments(AppointmentRepository appointments) {
		this.appointments = appointments;
	}

	@Override
	public Attendance of(ClientId client) {
		return this.appointments.attendance(client);
	}

}
