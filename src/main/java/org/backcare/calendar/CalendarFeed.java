package org.backcare.calendar;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.backcare.booking.Appointment;
import org.backcare.booking.SessionCalendar;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * A therapist's sessions to come as one iCalendar feed: what (the service), when (in the
 * clinic's zone), where, and a link that opens the session in BackCare, where signing in
 * shows the rest. No client name and no health detail: the feed lives in a calendar app
 * outside the clinic's hands. A session moved or cancelled is changed or gone at the
 * app's next refresh, under the same UID as the client's invite.
 */
final class CalendarFeed {

	private CalendarFeed() {
	}

	static String of(List<Appointment> sessions, Clinic clinic, Clinics clinics, String baseUrl) {
		Calendar calendar = new Calendar().withProdId("-//BackCare//Therapist sessions//EN")
			.withDefaults()
			.getFluentTarget();
		VTimeZone zone = SessionCalendar.zone(clinic);
		if (zone != null) {
			calendar.add(zone);
		}
		ZoneId local = (zone != null) ? clinic.zone() : ZoneOffset.UTC;
		for (Appointment session : sessions) {
			String link = baseUrl + "/appointments/" + session.id().value();
			VEvent event = new VEvent(session.start().atZone(local), session.end().atZone(local),
					clinics.service(clinic.id(), session.service()).name());
			event.add(new Uid(SessionCalendar.uid(session)));
			event.add(new Location(clinic.name() + ", " + clinic.address()));
			event.add(new Description("The session in BackCare: " + link));
			event.add(new Url(URI.create(link)));
			event.add(new Status(Status.VALUE_CONFIRMED));
			calendar.add(event);
		}
		return calendar.toString();
	}

}
