package org.backcare.booking;

import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Therapists;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Add to calendar": one session as an RFC 5545 file ({@link SessionCalendar}), in the
 * clinic's own time zone. Its UID is the appointment's, so a second download after a
 * reschedule updates the same entry. For the session's client, therapist and front desk;
 * an audited read.
 */
@Controller
class CalendarFile {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Bookings bookings;

	private final Clinics clinics;

	private final Therapists therapists;

	CalendarFile(Bookings bookings, Clinics clinics, Therapists therapists) {
		this.bookings = bookings;
		this.clinics = clinics;
		this.therapists = therapists;
	}

	@GetMapping("/appointments/{id}/calendar.ics")
	ResponseEntity<String> file(@PathVariable UUID id) {
		Appointment appointment = this.bookings.read(CurrentUser.required(), new AppointmentId(id));
		Clinic clinic = this.clinics.get(appointment.clinicId());
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backcare-session.ics\"")
			.body(of(appointment, clinic, this.clinics.service(clinic.id(), appointment.service()).name(),
					this.therapists.get(appointment.therapistId()).name(),
					CancellationPolicy.describe(this.clinics.policies(clinic.id()).cancellationWindow())));
	}

	/** The session as an iCalendar document (one VEVENT with its VTIMEZONE). */
	static String of(Appointment appointment, Clinic clinic, String service, String therapist, String window) {
		return SessionCalendar.calendar(SessionCalendar.event(appointment, clinic, service, therapist, window), clinic)
			.toString();
	}

}
