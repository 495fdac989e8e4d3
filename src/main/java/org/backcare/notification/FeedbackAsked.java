package org.backcare.notification;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.backcare.booking.AppointmentCompleted;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.feedback.SessionFeedback;
import org.backcare.therapist.Therapists;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks the client how a session went once it is marked as held: one mail per session
 * (keyed by it), written in the transaction that completes it, linking to the feedback
 * page. Not when the week feedback stays open has passed already (a session marked long
 * after), nor for a client erased or without an address.
 */
@Component
@ConditionalOnProperty(prefix = "backcare.mail", name = "session-notices", havingValue = "true", matchIfMissing = true)
class FeedbackAsked {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	private final Outbox outbox;

	private final Notices notices;

	private final Clients clients;

	private final Clinics clinics;

	private final Therapists therapists;

	private final MailProperties properties;

	private final Clock clock;

	FeedbackAsked(Outbox outbox, Notices notices, Clients clients, Clinics clinics, Therapists therapists,
			MailProperties properties, Clock clock) {
		this.outbox = outbox;
		this.notices = notices;
		this.clients = clients;
		this.clinics = clinics;
		this.therapists = therapists;
		this.properties = properties;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentCompleted held) {
		Client client = this.clients.get(held.client());
		if (!WaitlistMail.reachable(client)
				|| this.clock.instant().isAfter(held.end().plus(SessionFeedback.OPEN_FOR))) {
			return;
		}
		Clinic clinic = this.clinics.get(held.clinic());
		String therapist = this.therapists.name(held.therapist());
		this.outbox.enqueueOnce(this.notices.of(clinic, client.email(), "FEEDBACK_ASKED",
				"How was your session with " + therapist + "?",
				List.of("thank you for coming on " + WHEN.format(held.start().atZone(clinic.zone())) + ".",
						"How was the pressure, and how do you feel the day after? Two minutes of your answers help "
								+ therapist + " plan your next session. You can answer, or change your answers, for a "
								+ "week."),
				this.properties.baseUrl() + "/me/sessions/" + held.id().value() + "/feedback", "Say how it went",
				client.id()), "FEEDBACK_ASKED/" + held.id().value());
	}

}
