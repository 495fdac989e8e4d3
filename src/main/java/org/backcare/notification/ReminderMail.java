package org.backcare.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.backcare.client.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a planned reminder to the outbox when its time comes, if it is still wanted: the
 * session is still booked at the time it was planned for (not cancelled, not moved
 * since), has not started, the clinic still reminds at that lead time, and the client can
 * be mailed. It quotes the cancellation window: until when the session can still be
 * cancelled or moved online, or, inside the window, that the client should call. Written
 * at most once per planned reminder (its name is the mail's key), however often the timed
 * job runs.
 */
@Component
class ReminderMail {

	static final String KIND = "SESSION_REMINDER";

	/** What a reminder's mail key begins with; its planned name follows. */
	static final String KEY_PREFIX = "REMINDER/";

	/** The key of the mail a planned reminder writes (at most one). */
	static String key(PlannedReminder planned) {
		return KEY_PREFIX + planned.name();
	}

	private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

	private final SessionDetailsReader sessions;

	private final Outbox outbox;

	private final ITemplateEngine templates;

	private final MailProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReminderMail(SessionDetailsReader sessions, Outbox outbox, ITemplateEngine templates, MailProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.sessions = sessions;
		this.outbox = outbox;
		this.templates = templates;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Answers whether a reminder was written now. */
	boolean write(PlannedReminder planned) {
		Boolean written = this.transactions.execute(status -> {
			// Settled: a move or cancellation committing right now is waited for, not
			// reminded of.
			SessionDetails details = this.sessions.readSettled(planned.appointment()).orElse(null);
			Instant now = this.clock.instant();
			if (details == null || !planned.wanted(details.session(), details.policies().reminders(), now)) {
				log.debug("Reminder {} no longer wanted", planned.name());
				return false;
			}
			Instant changeUntil = details.session().start().minus(details.policies().cancellationWindow());
			Map<String, Object> more = new HashMap<>();
			more.put("changeUntil", details.policies().mayChangeOnline(details.session().start(), now)
					? details.at(changeUntil) : null);
			Context context = details.context(KIND, this.properties.baseUrl() + "/me/appointments", more);
			Client client = details.client();
			Mail mail = new Mail(details.clinic().id(), client.id(), KIND, planned.appointment().value(),
					client.email(), "Reminder: " + details.service() + " on " + details.at(details.session().start()),
					this.templates.process("mail/reminder.txt", context),
					this.templates.process("mail/reminder", context), null, null);
			return this.outbox.enqueueOnce(mail, key(planned));
		});
		return Boolean.TRUE.equals(written);
	}

}
