package org.backcare.notification;

import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * One message to send: to whom (and which client that is, when it is one), what about,
 * the text and HTML of the same words, and optionally a calendar invite
 * ({@code calendarMethod} REQUEST or CANCEL, as in the invite's own METHOD).
 */
record Mail(ClinicId clinic, ClientId client, String kind, UUID about, String recipient, String subject, String text,
		String html, String calendar, String calendarMethod) {

	Mail {
		// A line break in a header would let a name or address smuggle in headers of
		// its own.
		if (recipient.chars().anyMatch(Character::isISOControl) || subject.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("Control characters in a mail header");
		}
	}

}
