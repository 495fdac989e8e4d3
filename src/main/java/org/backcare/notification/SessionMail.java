package org.backcare.notification;

import java.util.Map;

import org.backcare.booking.AppointmentBooked;
import org.backcare.booking.AppointmentCancelled;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentRescheduled;
import org.backcare.client.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
@ConditionalOnProperty(prefix = "backcare.mail", name = "session-notices", havingValue = "true", matchIfMissing = true)
class SessionMail {

	private static final Logger log = LoggerFactory.getLogger(SessionMail.class);

	private final Outbox outbox;

	private final SessionDetailsReader sessions;

	private final ITemplateEngine templates;

	private final MailProperties properties;

	SessionMail(Outbox outbox, SessionDetailsReader sessions, ITemplateEngine templates, MailProperties properties) {
		this.outbox = outbox;
		this.sessions = sessions;
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
		SessionDetails details = this.sessions.read(id).orElse(null);
		if (details == null) {
			return;
		}
		Context context = details.context(kind, this.properties.baseUrl() + "/me/appointments", Map.of());
		String start = details.at(details.session().start());
		String subject = switch (kind) {
			case "SESSION_BOOKED" -> "Booked: " + details.service() + " on " + start;
			case "SESSION_MOVED" -> "Moved: " + details.service() + " now on " + start;
			default -> "Cancelled: " + details.service() + " on " + start;
		};
		Client client = details.client();
		Mail mail = new Mail(details.clinic().id(), client.id(), kind, id.value(), client.email(), subject,
				this.templates.process("mail/session.txt", context), this.templates.process("mail/session", context),
				Invite.of(method, details.session(), details.clinic(), details.service(), details.therapist(),
						details.window(), this.properties.from(), client.name(), client.email()),
				method);
		this.outbox.enqueue(mail);
	}

}
