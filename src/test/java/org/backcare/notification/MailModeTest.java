package org.backcare.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admins' mailbox shows a mailed secret link only in the demo on the embedded server;
 * anywhere else it says a personal link was there.
 */
class MailModeTest {

	@Test
	void theDemoShowsTheLink_elsewhereItIsNotShown() {
		String text = "Confirm: " + Mail.LINK;
		assertThat(new MailMode(true).shown(text, "/confirm-email?token=abc", "http://clinic.example"))
			.isEqualTo("Confirm: http://clinic.example/confirm-email?token=abc");
		assertThat(new MailMode(false).shown(text, "/confirm-email?token=abc", "http://clinic.example"))
			.isEqualTo("Confirm: [a personal link, not shown]");
		assertThat(new MailMode(true).shown(text, null, "http://clinic.example"))
			.isEqualTo("Confirm: [a personal link, not shown]");
	}

}
