package org.backcare.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the address mail is sent from (the clinic's name is shown with it) and the
 * organizer of invites
 * @param baseUrl where BackCare is reached, for links in mails
 * @param pollInterval how often each node looks for mail to deliver
 * @param reminderPlanning how often the sessions' reminders are planned (by one node at a
 * time)
 * @param remindersPlannedAhead how far ahead (and, after the last run, back) each
 * planning run looks for reminders falling due; longer than {@code reminderPlanning}, so
 * that every reminder is planned before its time
 */
@ConfigurationProperties("backcare.mail")
record MailProperties(@DefaultValue("bookings@backcare.example") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("10m") Duration reminderPlanning, @DefaultValue("1h") Duration remindersPlannedAhead) {

	MailProperties {
		if (reminderPlanning.isNegative() || reminderPlanning.isZero()
				|| reminderPlanning.compareTo(remindersPlannedAhead) >= 0) {
			throw new IllegalArgumentException(
					"backcare.mail.reminder-planning must be positive and shorter than backcare.mail.reminders-planned-ahead");
		}
		if (from.chars().anyMatch(Character::isISOControl) || !from.matches("[^@\\s]+@[^@\\s]+")) {
			throw new IllegalArgumentException("backcare.mail.from must be a plain address, was " + from);
		}
		baseUrl = baseUrl.replaceAll("/+$", "");
	}

}
