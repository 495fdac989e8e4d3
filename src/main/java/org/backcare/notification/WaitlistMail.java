package org.backcare.notification;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Therapists;
import org.backcare.waitlist.WaitlistOfferGone;
import org.backcare.waitlist.WaitlistOffered;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails a waitlist offer to its client, and "it is gone" when another took the time
 * first; each written once (keyed by the offer) in the transaction that makes the offer
 * or ends it. The mail names the time, the service and the therapist, and links to the
 * offer's page, which needs the client signed in: a forwarded mail books nothing.
 */
@Component
class WaitlistMail {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Outbox outbox;

	private final Notices notices;

	private final Clients clients;

	private final Clinics clinics;

	private final Therapists therapists;

	private final MailProperties properties;

	WaitlistMail(Outbox outbox, Notices notices, Clients clients, Clinics clinics, Therapists therapists,
			MailProperties properties) {
		this.outbox = outbox;
		this.notices = notices;
		this.clients = clients;
		this.clinics = clinics;
		this.therapists = therapists;
		this.properties = properties;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(WaitlistOffered offered) {
		Client client = this.clients.get(offered.client());
		if (!reachable(client)) {
			return;
		}
		Clinic clinic = this.clinics.get(offered.clinic());
		String when = WHEN.format(offered.start().atZone(clinic.zone()));
		String service = this.clinics.service(clinic.id(), offered.service()).name();
		this.outbox.enqueueOnce(
				this.notices.of(clinic, client.email(), "WAITLIST_OFFER", "A time you were waiting for: " + when,
						List.of("a time you were waiting for has come free: "
								+ service + " with " + this.therapists.name(offered.therapist()) + " on " + when + " ("
								+ clinic.zone().getId() + ").",
								"It is offered to up to three people on the waitlist, and the first to take it up gets it. "
										+ "The offer is open until "
										+ TIME.format(offered.expires().atZone(clinic.zone()))
										+ "; after that it goes to the next person waiting.",
								"Not for you this time? Decline it, and you stay on the waitlist."),
						this.properties.baseUrl() + "/me/waitlist/offers/" + offered.offer(), "See the offer",
						client.id()),
				"WAITLIST_OFFER/" + offered.offer());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(WaitlistOfferGone gone) {
		Client client = this.clients.get(gone.client());
		if (!reachable(client)) {
			return;
		}
		Clinic clinic = this.clinics.get(gone.clinic());
		String when = WHEN.format(gone.start().atZone(clinic.zone()));
		this.outbox.enqueueOnce(
				this.notices.of(clinic, client.email(), "WAITLIST_GONE", "The time on " + when + " has been taken",
						List.of("the time we offered you on " + when + " has just been taken by someone else on the "
								+ "waitlist. We are sorry.",
								"You stay on the waitlist, and we will offer you the next time that fits."),
						this.properties.baseUrl() + "/me/waitlist", "My waitlist", client.id()),
				"WAITLIST_GONE/" + gone.offer());
	}

	/** A client erased, or without an address, is mailed nothing. */
	/** A client mail can reach: not erased, with an address. */
	static boolean reachable(Client client) {
		return !client.erased() && client.email() != null && !client.email().isBlank();
	}

}
