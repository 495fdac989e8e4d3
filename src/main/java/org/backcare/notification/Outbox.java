package org.backcare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.PendingWrites;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

/**
 * The outbox: messages written with the change that causes them and claimed for delivery
 * one batch at a time. {@code FOR UPDATE SKIP LOCKED} gives each due message to exactly
 * one delivering transaction, however many nodes poll.
 */
@Repository
class Outbox {

	/** After this many failed attempts a message is given up and shown to admins. */
	static final int MAX_ATTEMPTS = 8;

	/** The wait after the first failure; it doubles with each further one. */
	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final PendingWrites pending;

	Outbox(JdbcClient jdbc, PendingWrites pending) {
		this.jdbc = jdbc;
		this.pending = pending;
	}

	/**
	 * What happened, to what, for which client: a message whose words are written when it
	 * is delivered ({@link NoticeWriter}), from the record as it then stands.
	 */
	record Notice(ClinicId clinic, ClientId client, String kind, UUID about) {
	}

	/**
	 * Writes the notice with the caller's transaction's other pending writes (one
	 * statement for all of them, sent with the change or just before it commits): it
	 * exists only if the change does, and costs the change no round trip of its own.
	 */
	void notice(Notice notice) {
		this.pending.addRow(NOTICES, UUID.randomUUID(), notice.clinic().value(), notice.client().value(), notice.kind(),
				notice.about());
	}

	private static final PendingWrites.Rows NOTICES = new PendingWrites.Rows() {

		@Override
		public String definitions() {
			return """
					%1$snotice AS (
					    INSERT INTO mail_message (id, clinic_id, client_id, kind, about_id)
					    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[]))""";
		}

		@Override
		public Object[] params(List<Object[]> rows) {
			return PendingWrites.Rows.columns(rows, UUID.class, UUID.class, UUID.class, String.class, UUID.class);
		}

	};

	/**
	 * Writes the message in the caller's transaction: it exists only if the change does.
	 */
	UUID enqueue(Mail mail) {
		UUID id = UUID.randomUUID();
		insert(id, mail, null);
		return id;
	}

	/**
	 * Writes the message unless one with the same key was written before: for work that
	 * may run again (a timed job taken over from a node that died after writing). Answers
	 * whether it was written now.
	 */
	boolean enqueueOnce(Mail mail, String key) {
		return insert(UUID.randomUUID(), mail, key) == 1;
	}

	private int insert(UUID id, Mail mail, String key) {
		return this.jdbc
			.sql("""
					INSERT INTO mail_message (id, clinic_id, client_id, kind, about_id, recipient, subject, body_text, body_html,
					                          calendar, calendar_method, dedup_key, secret_link)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (dedup_key) DO NOTHING""")
			.params(id, mail.clinic().value(), (mail.client() != null) ? mail.client().value() : null, mail.kind(),
					mail.about(), mail.recipient(), mail.subject(), mail.text(), mail.html(), mail.calendar(),
					mail.calendarMethod(), key, mail.secretLink())
			.update();
	}

	/**
	 * A message claimed for delivery, with how often it was tried before: its
	 * {@code mail} as written, or, for a notice not yet written, the {@code notice} (and
	 * no mail).
	 */
	record Claimed(UUID id, Mail mail, Notice notice, int attempts) {

		Claimed written(Mail mail) {
			return new Claimed(this.id, mail, this.notice, this.attempts);
		}

	}

	/**
	 * Up to {@code limit} due messages, oldest first, locked until the caller's
	 * transaction ends; rows another transaction holds are skipped, not waited for.
	 */
	List<Claimed> claimDue(int limit) {
		return this.jdbc
			.sql("""
					SELECT id, clinic_id, client_id, kind, about_id, recipient, subject, body_text, body_html, calendar, calendar_method,
					       secret_link, attempts
					FROM mail_message
					WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
					ORDER BY next_attempt_at, created_at
					LIMIT ? FOR UPDATE SKIP LOCKED""")
			.param(limit)
			.query((rs, n) -> {
				ClinicId clinic = new ClinicId(rs.getObject("clinic_id", UUID.class));
				ClientId client = client(rs.getObject("client_id", UUID.class));
				UUID about = rs.getObject("about_id", UUID.class);
				if (rs.getString("body_text") == null) {
					return new Claimed(rs.getObject("id", UUID.class), null,
							new Notice(clinic, client, rs.getString("kind"), about), rs.getInt("attempts"));
				}
				return new Claimed(rs.getObject("id", UUID.class),
						new Mail(clinic, client, rs.getString("kind"), about, rs.getString("recipient"),
								rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
								rs.getString("calendar"), rs.getString("calendar_method"), rs.getString("secret_link")),
						null, rs.getInt("attempts"));
			})
			.list();
	}

	/**
	 * The words of notices written at delivery, kept with them (what the mailbox and the
	 * client's export show), in one statement.
	 */
	void written(List<Claimed> notices) {
		if (notices.isEmpty()) {
			return;
		}
		List<Object[]> rows = notices.stream()
			.map(notice -> new Object[] { notice.id(), notice.mail().recipient(), notice.mail().subject(),
					notice.mail().text(), notice.mail().html(), notice.mail().calendar(),
					notice.mail().calendarMethod() })
			.toList();
		this.jdbc.sql("""
				UPDATE mail_message m
				SET recipient = w.recipient, subject = w.subject, body_text = w.body_text, body_html = w.body_html,
				    calendar = w.calendar, calendar_method = w.calendar_method
				FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				     AS w (id, recipient, subject, body_text, body_html, calendar, calendar_method)
				WHERE m.id = w.id""")
			.params(PendingWrites.Rows.columns(rows, UUID.class, String.class, String.class, String.class, String.class,
					String.class, String.class))
			.update();
	}

	/**
	 * A notice with nobody to write to any more (the session is gone, the client erased
	 * or without an address): nothing is sent, as nothing would have been written had it
	 * been so when the change was made.
	 */
	void drop(UUID id) {
		this.jdbc.sql("DELETE FROM mail_message WHERE id = ? AND body_text IS NULL").param(id).update();
	}

	private static ClientId client(UUID id) {
		return (id != null) ? new ClientId(id) : null;
	}

	/**
	 * What was mailed to the client, for their export: when, what, and whether it went.
	 */
	record Sent(String kind, String subject, Instant createdAt, Instant sentAt) {
	}

	List<Sent> ofClient(ClientId client) {
		return this.jdbc.sql(
				"SELECT kind, coalesce(subject, ?) AS subject, created_at, sent_at FROM mail_message WHERE client_id = ? ORDER BY created_at")
			.params(NOT_YET_WRITTEN, client.value())
			.query((rs, n) -> new Sent(rs.getString("kind"), rs.getString("subject"), instant(rs, "created_at"),
					instant(rs, "sent_at")))
			.list();
	}

	/** Deletes every message to the client, sent or not. */
	void forgetClient(ClientId client) {
		this.jdbc.sql("DELETE FROM mail_message WHERE client_id = ?").param(client.value()).update();
	}

	/**
	 * The server accepted the messages, marked sent in one statement;
	 * {@code forgetSecret}: their secret links are dropped, now that they have left.
	 */
	void sent(List<UUID> ids, boolean forgetSecret) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE mail_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
				       secret_link = CASE WHEN ? THEN NULL ELSE secret_link END
				WHERE id = ANY (?)""").params(forgetSecret, ids.toArray(UUID[]::new)).update();
	}

	/**
	 * A failed attempt: tried again after a doubling wait, or given up after
	 * {@link #MAX_ATTEMPTS} (at once when it can never go).
	 */
	void failed(Claimed message, String error, Instant now, boolean never) {
		int attempts = message.attempts() + 1;
		boolean giveUp = never || attempts >= MAX_ATTEMPTS;
		Instant next = nextAttempt(attempts, now);
		this.jdbc.sql("""
				UPDATE mail_message SET attempts = ?, next_attempt_at = ?, last_error = ?,
				       failed_at = CASE WHEN ? THEN now() END,
				       secret_link = CASE WHEN ? THEN NULL ELSE secret_link END
				WHERE id = ?""")
			.params(attempts, utc(next), (error.length() > 500) ? error.substring(0, 500) : error, giveUp, giveUp,
					message.id())
			.update();
	}

	/** When to try again after the given number of failed attempts: 30 s, doubling. */
	static Instant nextAttempt(int attempts, Instant now) {
		return now.plus(FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20)));
	}

	/** The server could not be reached: the message waits for it, no attempt counted. */
	void postpone(UUID id) {
		this.jdbc.sql("UPDATE mail_message SET next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?")
			.params(FIRST_RETRY.toSeconds(), id)
			.update();
	}

	/** What the mailbox and the export show of a notice until it is written. */
	static final String NOT_YET_WRITTEN = "(written when sent)";

	private static final String NOT_YET_WRITTEN_TEXT = "The words, and any calendar invite, are written when the message is sent, from the session as it then stands.";

	/** A message as the admins' mailbox shows it. */
	record Entry(UUID id, String kind, String recipient, String subject, String text, String calendarMethod,
			Instant createdAt, Instant sentAt, Instant failedAt, int attempts, String lastError, String secretLink) {

		public String status() {
			return (this.sentAt != null) ? "sent" : (this.failedAt != null) ? "failed" : "waiting";
		}

	}

	/** The clinic's latest messages, newest first. */
	List<Entry> latest(ClinicId clinic, int limit) {
		return entries("true", "created_at DESC", clinic, limit);
	}

	private List<Entry> entries(String which, String order, ClinicId clinic, int limit) {
		return this.jdbc.sql("""
				SELECT id, kind, coalesce(recipient, 'the client') AS recipient, coalesce(subject, ?) AS subject,
				       coalesce(body_text, ?) AS body_text, calendar_method, created_at, sent_at, failed_at, attempts,
				       last_error, secret_link
				FROM mail_message WHERE clinic_id = ?""" + " AND " + which + " ORDER BY " + order + ", id LIMIT ?")
			.params(NOT_YET_WRITTEN, NOT_YET_WRITTEN_TEXT, clinic.value(), limit)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body_text"), rs.getString("calendar_method"),
					instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "failed_at"), rs.getInt("attempts"),
					rs.getString("last_error"), rs.getString("secret_link")))
			.list();
	}

	/** The clinic's messages given up, latest first, however old. */
	List<Entry> failed(ClinicId clinic, int limit) {
		return entries("failed_at IS NOT NULL", "failed_at DESC", clinic, limit);
	}

	/** The invite of one of the clinic's messages. */
	java.util.Optional<String> calendar(ClinicId clinic, UUID id) {
		return this.jdbc
			.sql("SELECT calendar FROM mail_message WHERE clinic_id = ? AND id = ? AND calendar IS NOT NULL")
			.params(clinic.value(), id)
			.query(String.class)
			.optional();
	}

}
