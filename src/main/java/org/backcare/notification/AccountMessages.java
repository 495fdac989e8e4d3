package org.backcare.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.backcare.account.AccountMail;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails what the account module asks for — confirming an address, "you already have an
 * account", a password link, an invitation, "your password was changed" — written to the
 * outbox in the transaction that makes it true: a registration that rolls back mails
 * nothing. A link with a secret is kept apart from the text (see {@link Mail#LINK}).
 */
@Component
class AccountMessages {

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

	private final Outbox outbox;

	private final Clinics clinics;

	private final ITemplateEngine templates;

	private final MailProperties properties;

	AccountMessages(Outbox outbox, Clinics clinics, ITemplateEngine templates, MailProperties properties) {
		this.outbox = outbox;
		this.clinics = clinics;
		this.templates = templates;
		this.properties = properties;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AccountMail mail) {
		Clinic clinic = this.clinics.get(mail.clinic());
		String link = mail.secret() ? Mail.LINK : this.properties.baseUrl() + mail.link();
		Context context = new Context(Locale.ENGLISH, Map.of("kind", mail.kind().name(), "clinic", clinic, "link", link,
				"base", this.properties.baseUrl(), "until",
				(mail.expires() != null)
						? UNTIL.format(mail.expires().atZone(clinic.zone())) + " (" + clinic.zone().getId() + ")" : "",
				"role", (mail.role() != null) ? mail.role().name().toLowerCase(Locale.ROOT) : ""));
		String subject = switch (mail.kind()) {
			case CONFIRM_EMAIL -> "Confirm your address for " + clinic.name();
			case ALREADY_REGISTERED -> "Your account at " + clinic.name();
			case RESET_PASSWORD -> "A new password for " + clinic.name();
			case INVITATION -> "You are invited to " + clinic.name();
			case PASSWORD_CHANGED -> "Your password at " + clinic.name() + " was changed";
		};
		this.outbox.enqueue(new Mail(clinic.id(), mail.client(), "ACCOUNT_" + mail.kind().name(), null, mail.email(),
				subject, this.templates.process("mail/account.txt", context),
				this.templates.process("mail/account", context), null, null, mail.secret() ? mail.link() : null));
	}

}
