package org.backcare.notification;

/**
 * Whether the admins' mailbox shows the links with secrets in them (confirm, reset,
 * invitation): only in the demo on the embedded mail server, where nothing leaves the
 * machine and a new user follows them there. Anywhere else an admin who could read them
 * could take over any account, so they are never shown, and forgotten once sent.
 */
record MailMode(boolean showsSecrets) {

	/** The text as the mailbox shows it. */
	String shown(String text, String secretLink, String baseUrl) {
		return text.replace(Mail.LINK,
				(this.showsSecrets && secretLink != null) ? baseUrl + secretLink : "[a personal link, not shown]");
	}

}
