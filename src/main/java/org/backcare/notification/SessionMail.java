package org.backcare.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentBooked;
import org.backcare.booking.AppointmentCancelled;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentRescheduled;
import org.backcare.booking.Bookings;
import org.backcare.booking.CancellationPolicy;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Therapists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the client of each booking, move and cancellation, with a calendar invite that
 * adds, updates or removes the session in their own calendar. Written to the outbox just
 * before the change commits, in its transaction: the mail exists exactly when the change
 * does. A session of a series gets an invite of its own (not one RRULE invite for the
 * series): each session is an appointment that can be moved or cancelled alone, and an
 * RRULE invite would need an exception (RECURRENCE-ID) for every such change, which
 * calendars apply inconsistently.
 */
@Component
class SessionMail {

	private static final Logger log = LoggerFactory.getLogger(SessionMail.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm",
			Locale.ENGLISH);

	private final Outbox outbox;

	private final Bookings bookings;

	private final Clinics clinics;

	private final Clients clients;

	private final Therapists therapists;

	private final ITemplateEngine templates;

	private final MailProperties properties;

	SessionMail(Outbox outbox, Bookings bookings, Clinics clinics, Clients clients, Therapists therapists,
			ITemplateEngine templates, MailProperties properties) {
		this.outbox = outbox;
		this.bookings = bookings;
		this.clinics = clinics;
		this.clients = clients;
		this.therapists = therapists;
		this.templates = templates;
		this.properties = properties;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentBooked event) {
		write("SESSION_BOOKED", event.appointment(), Invite.REQUEST);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentRescheduled event) {
		write("SESSION_MOVED", event.appointment(), Invite.REQUEST);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentCancelled event) {
		write("SESSION_CANCELLED", event.appointment(), Invite.CANCEL);
	}

	private void write(String kind, AppointmentId id, String method) {
		try {
			compose(kind, id, method);
		}
		catch (RuntimeException ex) {
			// Telling the client must never undo the change itself: the booking stands,
			// and the log says which mail could not be written. (A database error would
			// have aborted the transaction already; the reads here are the booking's
			// own.)
			log.error("No {} mail for appointment {}: {}", kind, id.value(), ex.toString());
		}
	}

	private void compose(String kind, AppointmentId id, String method) {
		Appointment session = this.bookings.get(id);
		Client client = this.clients.get(session.clientId());
		if (client.erased() || client.email() == null || client.email().isBlank()) {
			return;
		}
		Clinic clinic = this.clinics.get(session.clinicId());
		String service = this.clinics.service(clinic.id(), session.service()).name();
		String therapist = this.therapists.get(session.therapistId()).name();
		String window = CancellationPolicy.describe(this.clinics.policies(clinic.id()).cancellationWindow());
		Context context = new Context(Locale.ENGLISH,
				Map.of("kind", kind, "client", client.name(), "clinic", clinic, "service", service, "therapist",
						therapist, "when",
						WHEN.format(session.start().atZone(clinic.zone())) + " (" + clinic.zone().getId() + ")",
						"window", window, "link", this.properties.baseUrl() + "/me/appointments"));
		String subject = switch (kind) {
			case "SESSION_BOOKED" -> "Booked: " + service + " on " + WHEN.format(session.start().atZone(clinic.zone()));
			case "SESSION_MOVED" ->
				"Moved: " + service + " now on " + WHEN.format(session.start().atZone(clinic.zone()));
			default -> "Cancelled: " + service + " on " + WHEN.format(session.start().atZone(clinic.zone()));
		};
		Mail mail = new Mail(clinic.id(), client.id(), kind, id.value(), client.email(), subject,
				this.templates.process("mail/session.txt", context), this.templates.process("mail/session", context),
				Invite.of(method, session, clinic, service, therapist, window, this.properties.from(), client.name(),
						client.email()),
				method);
		this.outbox.enqueue(mail);
	}

}
