package org.backcare.notification;

import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * One message to send: to whom (and which client that is, when it is one), what about,
 * the text and HTML of the same words, optionally a calendar invite
 * ({@code calendarMethod} REQUEST or CANCEL, as in the invite's own METHOD), and
 * optionally a link with a secret ({@code secretLink}, a path), which the text and HTML
 * show as {@link #LINK} until the moment of sending, so the secret is never part of what
 * the mailbox shows.
 */
record Mail(ClinicId clinic, ClientId client, String kind, UUID about, String recipient, String subject, String text,
		String html, String calendar, String calendarMethod, String secretLink) {

	/** Where a secret link goes in the text and HTML. */
	static final String LINK = "%LINK%";

	Mail(ClinicId clinic, ClientId client, String kind, UUID about, String recipient, String subject, String text,
			String html, String calendar, String calendarMethod) {
		this(clinic, client, kind, about, recipient, subject, text, html, calendar, calendarMethod, null);
	}

	Mail {
		// A line break in a header would let a name or address smuggle in headers of
		// its own: an address with one can never go; a subject (made of names) loses
		// them.
		if (recipient.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("Control characters in a mail address");
		}
		subject = subject.replaceAll("\\p{Cntrl}+", " ");
	}

}
