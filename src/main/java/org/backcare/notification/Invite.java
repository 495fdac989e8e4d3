package org.backcare.notification;

import java.net.URI;
import java.net.URISyntaxException;

import org.backcare.booking.Appointment;
import org.backcare.booking.SessionCalendar;
import org.backcare.clinic.Clinic;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;

/**
 * A session as an iTIP invite (RFC 5546) that calendars act on: {@code METHOD:REQUEST} to
 * add or update it, {@code METHOD:CANCEL} (with {@code STATUS:CANCELLED}) to take it out,
 * the appointment's stable UID, a {@code SEQUENCE} that grows with every change (the
 * appointment's version), the clinic as ORGANIZER, the client as ATTENDEE, and the
 * clinic's zone as TZID with its VTIMEZONE. Google Calendar and Outlook ignore VALARM, so
 * an invite carries no alarm: reminders are sent as mails of their own.
 */
final class Invite {

	static final String REQUEST = Method.VALUE_REQUEST;

	static final String CANCEL = Method.VALUE_CANCEL;

	private Invite() {
	}

	/**
	 * @param method {@link #REQUEST} or {@link #CANCEL}
	 * @param from the clinic's sending address, as organizer
	 */
	static String of(String method, Appointment session, Clinic clinic, String service, String therapist, String window,
			String from, String clientName, String clientEmail) {
		VEvent event = SessionCalendar.event(session, clinic, service, therapist, window);
		event.add(new Sequence(session.version()));
		Organizer organizer = new Organizer(mailto(from));
		organizer.add(new Cn(clinic.name()));
		event.add(organizer);
		Attendee attendee = new Attendee(mailto(clientEmail));
		attendee.add(new Cn(clientName));
		attendee.add(PartStat.NEEDS_ACTION);
		attendee.add(Rsvp.FALSE);
		event.add(attendee);
		Calendar calendar = SessionCalendar.calendar(event, clinic);
		calendar.add(new Method(method));
		return calendar.toString();
	}

	/** A mailto URI, its address encoded as RFC 6068 asks (a quoted local part, a %). */
	private static URI mailto(String address) {
		try {
			return new URI("mailto", address, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Not an address for an invite: " + ex.getReason());
		}
	}

}
