package org.backcare.booking;

import java.time.ZoneId;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Therapists;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Add to calendar": one session as an RFC 5545 file, built with ical4j, in the clinic's
 * own time zone (with its VTIMEZONE, so a calendar shows 10:00 Berlin time as 10:00 in
 * Berlin whatever the daylight-saving rules of the reader's device). Its UID is the
 * appointment's, so a second download after a reschedule updates the same entry. For the
 * session's client, therapist and front desk; an audited read.
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
		ZoneId zone = clinic.zone();
		TimeZone timeZone = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId());
		VEvent event = new VEvent(appointment.start().atZone(zone), appointment.end().atZone(zone),
				service + " with " + therapist);
		event.add(new Uid(appointment.id().value() + "@backcare"));
		event.add(new Location(clinic.name() + ", " + clinic.address()));
		event.add(new Description("Booked at " + clinic.name() + ". You can cancel or move it online up to " + window
				+ " before it starts; after that, please call the clinic."));
		event.add(appointment.isActive() || appointment.status() == AppointmentStatus.COMPLETED
				? new Status(Status.VALUE_CONFIRMED) : new Status(Status.VALUE_CANCELLED));
		return new Calendar().withProdId("-//BackCare//Sessions//EN")
			.withDefaults()
			.withComponent(timeZone.getVTimeZone())
			.withComponent(event)
			.getFluentTarget()
			.toString();
	}

}
