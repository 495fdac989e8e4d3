package org.backcare.notification;

import java.util.List;

import org.backcare.booking.AppointmentCompleted;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinics;
import org.backcare.outcomes.Outcomes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks the client by mail for the follow-up questionnaire when a session marked held
 * makes one due (the clinic's schedule, through outcomes): one mail per such session
 * (keyed by it), written in the transaction that completes it. Not for a client erased or
 * without an address.
 */
@Component
@ConditionalOnProperty(prefix = "backcare.mail", name = "session-notices", havingValue = "true", matchIfMissing = true)
class FollowUpAsked {

	private final Outbox outbox;

	private final Notices notices;

	private final Clients clients;

	private final Clinics clinics;

	private final Outcomes outcomes;

	private final MailProperties properties;

	FollowUpAsked(Outbox outbox, Notices notices, Clients clients, Clinics clinics, Outcomes outcomes,
			MailProperties properties) {
		this.outbox = outbox;
		this.notices = notices;
		this.clients = clients;
		this.clinics = clinics;
		this.outcomes = outcomes;
		this.properties = properties;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentCompleted held) {
		Client client = this.clients.get(held.client());
		if (!WaitlistMail.reachable(client)) {
			return;
		}
		this.outcomes.followUpDueBySystem(client.id())
			.ifPresent(why -> this.outbox
				.enqueueOnce(this.notices.of(this.clinics.get(held.clinic()), client.email(), "FOLLOW_UP_ASKED",
						"How are you doing? A few questions about your back",
						List.of(why, "It is the same short questionnaire as in your intake, about three minutes, so "
								+ "your progress can be measured against where you started. You and your therapist "
								+ "see it on \"My progress\"."),
						this.properties.baseUrl() + "/me/follow-up", "Answer the follow-up", client.id()),
						"FOLLOW_UP_ASKED/" + held.id().value()));
	}

}
