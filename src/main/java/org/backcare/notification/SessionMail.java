package org.backcare.notification;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backcare.booking.AppointmentBooked;
import org.backcare.booking.AppointmentCancelled;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentRescheduled;
import org.backcare.client.Client;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the client of each booking, move and cancellation, with a calendar invite that
 * adds, updates or removes the session in their own calendar. The change writes a notice
 * (its kind, the session, the client) in its own transaction, so the message exists
 * exactly when the change does; its words and invite are written when it is delivered,
 * from the session as it then stands (a booking's own work stays a few ids). A session of
 * a series gets an invite of its own (not one RRULE invite for the series): each session
 * is an appointment that can be moved or cancelled alone, and an RRULE invite would need
 * an exception (RECURRENCE-ID) for every such change, which calendars apply
 * inconsistently.
 */
@Component
@ConditionalOnProperty(prefix = "backcare.mail", name = "session-notices", havingValue = "true", matchIfMissing = true)
class SessionMail implements NoticeWriter {

	static final String BOOKED = "SESSION_BOOKED";

	static final String MOVED = "SESSION_MOVED";

	static final String CANCELLED = "SESSION_CANCELLED";

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

	// At once, as a pending write: a booking publishes this just before inserting its
	// row, which carries the notice (one statement for both).
	@EventListener
	void on(AppointmentBooked event) {
		this.outbox.notice(new Outbox.Notice(event.clinic(), event.client(), BOOKED, event.appointment().value()));
	}

	// Before the transaction's pending writes are sent (they go just before it commits,
	// in the order of precedence): the notice goes in the same statement as the change's
	// audit entries, not in one of its own.
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AppointmentRescheduled event) {
		this.outbox.notice(new Outbox.Notice(event.clinic(), event.client(), MOVED, event.appointment().value()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AppointmentCancelled event) {
		this.outbox.notice(new Outbox.Notice(event.clinic(), event.client(), CANCELLED, event.appointment().value()));
	}

	@Override
	public Set<String> kinds() {
		return Set.of(BOOKED, MOVED, CANCELLED);
	}

	@Override
	public Optional<Mail> write(Outbox.Notice notice) {
		SessionDetails details = this.sessions.read(new AppointmentId(notice.about())).orElse(null);
		// A booking or move whose session was cancelled (or has taken place) before its
		// mail went out sends nothing: written now, it would say "booked" with an invite
		// as recent as the cancellation's and could put the session back in the client's
		// calendar. The cancellation's own mail tells them.
		if (details == null || (!CANCELLED.equals(notice.kind()) && !details.session().isActive())) {
			return Optional.empty();
		}
		String method = CANCELLED.equals(notice.kind()) ? Invite.CANCEL : Invite.REQUEST;
		Context context = details.context(notice.kind(), this.properties.baseUrl() + "/me/appointments", Map.of());
		String start = details.at(details.session().start());
		String subject = switch (notice.kind()) {
			case BOOKED -> "Booked: " + details.service() + " on " + start;
			case MOVED -> "Moved: " + details.service() + " now on " + start;
			default -> "Cancelled: " + details.service() + " on " + start;
		};
		Client client = details.client();
		return Optional.of(new Mail(details.clinic().id(), client.id(), notice.kind(), notice.about(), client.email(),
				subject, this.templates.process("mail/session.txt", context),
				this.templates.process("mail/session", context),
				Invite.of(method, details.session(), details.clinic(), details.service(), details.therapist(),
						details.window(), this.properties.from(), client.name(), client.email()),
				method));
	}

}
