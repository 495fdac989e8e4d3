package org.backcare.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.backcare.clinic.Clinics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Hands due messages to the SMTP server, on every node: each batch is claimed with
 * {@code SKIP LOCKED} and marked sent in the same transaction, so two nodes never send
 * the same message. A node that dies after the server accepted a message but before its
 * transaction committed sends it again after restart (at least once, never lost); its
 * {@code Message-ID} is the outbox id, so the repeat is recognisable as the same message.
 * A failed attempt is retried after a doubling wait and, after
 * {@link Outbox#MAX_ATTEMPTS}, given up and shown to admins.
 */
@Component
class MailDelivery {

	static final int BATCH = 20;

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final Outbox outbox;

	private final JavaMailSender sender;

	private final Clinics clinics;

	private final MailProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MailMode mode;

	private final Map<String, NoticeWriter> writers = new HashMap<>();

	MailDelivery(Outbox outbox, JavaMailSender sender, Clinics clinics, MailProperties properties,
			PlatformTransactionManager transactions, Clock clock, MailMode mode, List<NoticeWriter> writers) {
		writers.forEach(writer -> writer.kinds().forEach(kind -> this.writers.put(kind, writer)));
		this.mode = mode;
		this.outbox = outbox;
		this.sender = sender;
		this.clinics = clinics;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${backcare.mail.poll-interval:2s}",
			initialDelayString = "${backcare.mail.poll-interval:2s}")
	void deliverDue() {
		try {
			while (deliverBatch() == BATCH) {
				// A full batch: there may be more waiting.
			}
		}
		catch (RuntimeException ex) {
			// The database may be restarting; the next poll tries again.
			log.warn("Mail delivery paused: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Delivers one batch of due messages over one connection to the server; answers how
	 * many were claimed. Each message's failure is its own: the others of the batch,
	 * accepted by the server, are marked sent and never sent again.
	 */
	int deliverBatch() {
		Integer claimed = this.transactions.execute(status -> {
			List<Outbox.Claimed> due = this.outbox.claimDue(BATCH);
			Map<MimeMessage, Outbox.Claimed> composed = new LinkedHashMap<>();
			for (Outbox.Claimed message : written(due)) {
				try {
					composed.put(mime(message), message);
				}
				catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
					failed(message, ex);
				}
			}
			if (composed.isEmpty()) {
				return due.size();
			}
			Map<Object, Exception> failures = Map.of();
			try {
				this.sender.send(composed.keySet().toArray(MimeMessage[]::new));
			}
			catch (MailSendException ex) {
				// The messages the server did not take, each with why (all of them
				// when it could not be reached).
				failures = ex.getFailedMessages().isEmpty() ? every(composed, ex) : ex.getFailedMessages();
			}
			catch (MailException ex) {
				failures = every(composed, ex);
			}
			List<UUID> sent = new ArrayList<>();
			for (Map.Entry<MimeMessage, Outbox.Claimed> message : composed.entrySet()) {
				Exception failure = failures.get(message.getKey());
				if (failure == null) {
					sent.add(message.getValue().id());
				}
				else {
					failed(message.getValue(), failure);
				}
			}
			this.outbox.sent(sent, !this.mode.showsSecrets());
			return due.size();
		});
		return (claimed != null) ? claimed : 0;
	}

	/**
	 * The claimed messages with every notice among them written, and those words kept
	 * with it (one statement); a notice with nobody to write to any more is dropped, one
	 * that cannot be written counts as a failed attempt.
	 */
	private List<Outbox.Claimed> written(List<Outbox.Claimed> due) {
		List<Outbox.Claimed> ready = new ArrayList<>();
		List<Outbox.Claimed> notices = new ArrayList<>();
		for (Outbox.Claimed message : due) {
			if (message.notice() == null) {
				ready.add(message);
				continue;
			}
			try {
				NoticeWriter writer = this.writers.get(message.notice().kind());
				if (writer == null) {
					throw new IllegalStateException("Nothing writes notices of kind " + message.notice().kind());
				}
				Optional<Mail> mail = writer.write(message.notice());
				if (mail.isEmpty()) {
					this.outbox.drop(message.id());
				}
				else {
					notices.add(message.written(mail.get()));
				}
			}
			catch (RuntimeException ex) {
				failed(message, ex);
			}
		}
		this.outbox.written(notices);
		ready.addAll(notices);
		return ready;
	}

	private static Map<Object, Exception> every(Map<MimeMessage, Outbox.Claimed> composed, Exception ex) {
		Map<Object, Exception> all = new LinkedHashMap<>();
		composed.keySet().forEach(message -> all.put(message, ex));
		return all;
	}

	private void failed(Outbox.Claimed message, Exception ex) {
		Failure failure = Failure.of(ex);
		log.info("Delivery of message {} failed ({}): {}", message.id(), failure, ex.getClass().getSimpleName());
		if (failure == Failure.SERVER_UNREACHABLE) {
			// Not the message's fault: no attempt is charged; it waits for the server.
			this.outbox.postpone(message.id());
		}
		else {
			this.outbox.failed(message, ex.getClass().getSimpleName() + ": " + ex.getMessage(), this.clock.instant(),
					failure == Failure.PERMANENT);
		}
	}

	/**
	 * Text and HTML as alternatives of one another, and the invite as a third alternative
	 * with its METHOD in the MIME type as in its body (Outlook ignores an invite without
	 * both).
	 */
	private MimeMessage mime(Outbox.Claimed claimed) throws MessagingException, UnsupportedEncodingException {
		Mail mail = claimed.mail();
		MimeMessage message = new FixedIdMessage(session(), claimed.id());
		message.setFrom(new InternetAddress(this.properties.from(), this.clinics.get(mail.clinic()).name(), "UTF-8"));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
		message.setSubject(mail.subject(), "UTF-8");
		MimeMultipart alternatives = new MimeMultipart("alternative");
		// The secret link, if any, goes in only now.
		String link = (mail.secretLink() != null) ? this.properties.baseUrl() + mail.secretLink() : Mail.LINK;
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text().replace(Mail.LINK, link), "UTF-8", "plain");
		alternatives.addBodyPart(text);
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html().replace(Mail.LINK, HtmlUtils.htmlEscape(link)), "UTF-8", "html");
		alternatives.addBodyPart(html);
		if (mail.calendar() != null) {
			// Bytes, not a String: the mail library has no handler for text/calendar and
			// would write a String in the JVM's default charset whatever the header says.
			String type = "text/calendar; charset=UTF-8; method=" + mail.calendarMethod();
			MimeBodyPart invite = new MimeBodyPart();
			invite.setDataHandler(
					new DataHandler(new ByteArrayDataSource(mail.calendar().getBytes(StandardCharsets.UTF_8), type)));
			invite.setHeader("Content-Type", type);
			alternatives.addBodyPart(invite);
		}
		message.setContent(alternatives);
		return message;
	}

	private Session session() {
		return (this.sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: this.sender.createMimeMessage().getSession();
	}

	/**
	 * Why an attempt failed: the message itself can never go (a malformed address: given
	 * up at once), the server could not be reached (nobody's fault: tried again without
	 * counting), or anything else (counted towards giving up).
	 */
	enum Failure {

		PERMANENT, SERVER_UNREACHABLE, TRANSIENT;

		static Failure of(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof jakarta.mail.internet.AddressException
						|| cause instanceof org.springframework.mail.MailParseException) {
					return PERMANENT;
				}
				if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
						|| cause.getClass().getSimpleName().equals("MailConnectException")) {
					return SERVER_UNREACHABLE;
				}
			}
			return TRANSIENT;
		}

	}

	/**
	 * A message whose Message-ID is its outbox id, so a repeated delivery is the same.
	 */
	private static final class FixedIdMessage extends MimeMessage {

		private final UUID id;

		FixedIdMessage(Session session, UUID id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + this.id + "@backcare>");
		}

	}

}
