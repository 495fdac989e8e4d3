package org.backcare.notification;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a failed delivery is judged: a malformed address never goes (given up at once), an
 * unreachable server is nobody's fault (no attempt counted), anything else counts; and
 * the waits between attempts double from 30 seconds.
 */
class MailFailureTest {

	static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	@Test
	void aMalformedAddressCanNeverGo() {
		assertThat(MailDelivery.Failure.of(new AddressException("Missing final '@domain'")))
			.isEqualTo(MailDelivery.Failure.PERMANENT);
	}

	@Test
	void anUnreachableServerIsNotTheMessagesFault() {
		assertThat(MailDelivery.Failure.of(new MailSendException("Mail server connection failed",
				new MessagingException("connect", new ConnectException("Connection refused")))))
			.isEqualTo(MailDelivery.Failure.SERVER_UNREACHABLE);
	}

	@Test
	void anythingElseCountsTowardsGivingUp() {
		assertThat(MailDelivery.Failure.of(new MailSendException("451 try again later")))
			.isEqualTo(MailDelivery.Failure.TRANSIENT);
	}

	@Test
	void theWaitsDoubleFromThirtySeconds() {
		assertThat(Outbox.nextAttempt(1, NOW)).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
		assertThat(Outbox.nextAttempt(2, NOW)).isEqualTo(NOW.plus(Duration.ofSeconds(60)));
		assertThat(Outbox.nextAttempt(3, NOW)).isEqualTo(NOW.plus(Duration.ofSeconds(120)));
		assertThat(Outbox.nextAttempt(Outbox.MAX_ATTEMPTS, NOW)).isEqualTo(NOW.plus(Duration.ofSeconds(30 * 128)));
	}

}
