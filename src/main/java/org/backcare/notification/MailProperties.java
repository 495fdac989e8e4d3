package org.backcare.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the address mail is sent from (the clinic's name is shown with it) and the
 * organizer of invites
 * @param baseUrl where BackCare is reached, for links in mails
 * @param pollInterval how often each node looks for mail to deliver
 */
@ConfigurationProperties("backcare.mail")
record MailProperties(@DefaultValue("bookings@backcare.example") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("2s") Duration pollInterval) {

	MailProperties {
		if (from.chars().anyMatch(Character::isISOControl) || !from.matches("[^@\\s]+@[^@\\s]+")) {
			throw new IllegalArgumentException("backcare.mail.from must be a plain address, was " + from);
		}
		baseUrl = baseUrl.replaceAll("/+$", "");
	}

}
