package org.backcare.booking;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.backcare.clinic.Clinic;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

/**
 * One session as an iCalendar event (RFC 5545, built with ical4j) in the clinic's own
 * time zone: the "add to calendar" file and the invites mailed to the client are the same
 * event. Its UID is the appointment's, so every later version replaces the first in the
 * client's calendar.
 */
public final class SessionCalendar {

	/**
	 * One registry for the process: it reads each zone's VTIMEZONE from ical4j's bundled
	 * zone files once and keeps it, where a registry per call would parse the file for
	 * every booking's invite.
	 */
	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private SessionCalendar() {
	}

	/** The stable UID of the session's event. */
	public static String uid(Appointment appointment) {
		return appointment.id().value() + "@backcare";
	}

	/** The session's event: when, where, what, with its cancellation policy. */
	public static VEvent event(Appointment appointment, Clinic clinic, String service, String therapist,
			String window) {
		// A zone ical4j has no rules for (the odd SystemV/... id) is written in UTC: the
		// same moment, without a VTIMEZONE to point to.
		ZoneId zone = (ZONES.getTimeZone(clinic.zone().getId()) != null) ? clinic.zone() : ZoneOffset.UTC;
		VEvent event = new VEvent(appointment.start().atZone(zone), appointment.end().atZone(zone),
				service + " with " + therapist);
		event.add(new Uid(uid(appointment)));
		event.add(new Location(clinic.name() + ", " + clinic.address()));
		event.add(new Description("Booked at " + clinic.name() + ". You can cancel or move it online up to " + window
				+ " before it starts; after that, please call the clinic."));
		event.add(appointment.isActive() || appointment.status() == AppointmentStatus.COMPLETED
				? new Status(Status.VALUE_CONFIRMED) : new Status(Status.VALUE_CANCELLED));
		return event;
	}

	/**
	 * The clinic zone's VTIMEZONE, so a calendar shows 10:00 Berlin time as 10:00 in
	 * Berlin whatever the daylight-saving rules of the reader's device.
	 */
	public static VTimeZone zone(Clinic clinic) {
		TimeZone known = ZONES.getTimeZone(clinic.zone().getId());
		return (known != null) ? known.getVTimeZone() : null;
	}

	/** A calendar holding the event and its zone (when ical4j knows the zone). */
	public static Calendar calendar(VEvent event, Clinic clinic) {
		Calendar calendar = new Calendar().withProdId("-//BackCare//Sessions//EN").withDefaults().getFluentTarget();
		VTimeZone zone = zone(clinic);
		if (zone != null) {
			calendar.add(zone);
		}
		calendar.add(event);
		return calendar;
	}

}
