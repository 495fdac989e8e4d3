package org.backcare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

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

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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

	/** A message claimed for delivery, with how often it was tried before. */
	record Claimed(UUID id, Mail mail, int attempts) {
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
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class),
					new Mail(new ClinicId(rs.getObject("clinic_id", UUID.class)),
							client(rs.getObject("client_id", UUID.class)), rs.getString("kind"),
							rs.getObject("about_id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
							rs.getString("body_text"), rs.getString("body_html"), rs.getString("calendar"),
							rs.getString("calendar_method"), rs.getString("secret_link")),
					rs.getInt("attempts")))
			.list();
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
		return this.jdbc
			.sql("SELECT kind, subject, created_at, sent_at FROM mail_message WHERE client_id = ? ORDER BY created_at")
			.param(client.value())
			.query((rs, n) -> new Sent(rs.getString("kind"), rs.getString("subject"), instant(rs, "created_at"),
					instant(rs, "sent_at")))
			.list();
	}

	/** Deletes every message to the client, sent or not. */
	void forgetClient(ClientId client) {
		this.jdbc.sql("DELETE FROM mail_message WHERE client_id = ?").param(client.value()).update();
	}

	/**
	 * The server accepted the message; {@code forgetSecret}: its secret link is dropped,
	 * now that it has left.
	 */
	void sent(UUID id, boolean forgetSecret) {
		this.jdbc.sql("""
				UPDATE mail_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
				       secret_link = CASE WHEN ? THEN NULL ELSE secret_link END
				WHERE id = ?""").params(forgetSecret, id).update();
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
		return this.jdbc
			.sql("""
					SELECT id, kind, recipient, subject, body_text, calendar_method, created_at, sent_at, failed_at, attempts,
					       last_error, secret_link
					FROM mail_message WHERE clinic_id = ?"""
					+ " AND " + which + " ORDER BY " + order + ", id LIMIT ?")
			.params(clinic.value(), limit)
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
