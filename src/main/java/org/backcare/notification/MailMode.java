package org.backcare.notification;

/**
 * Whether mail goes to the embedded server (the default run, the tests): then nothing
 * leaves the machine, and the admins' mailbox may show the links with secrets in them
 * (confirm, reset, invitation), so a new user can follow them. With a real server those
 * secrets are never shown and are forgotten once sent.
 */
record MailMode(boolean embedded) {

	/** The text as the mailbox shows it: the secret link only in embedded mode. */
	String shown(String text, String secretLink, String baseUrl) {
		return text.replace(Mail.LINK,
				(this.embedded && secretLink != null) ? baseUrl + secretLink : "[a personal link, not shown]");
	}

}
