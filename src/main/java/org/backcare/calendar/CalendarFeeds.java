package org.backcare.calendar;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.account.SecurityEvent;
import org.backcare.platform.Forbidden;
import org.backcare.platform.Sha256;
import org.backcare.therapist.TherapistId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Therapists' private calendar feeds: one secret address per therapist (32 random bytes;
 * only the SHA-256 is stored), shown once when opened; opening a new one replaces the old
 * at once, stopping deletes it. Opening and stopping are audited. A therapist who has
 * left the clinic has no feed.
 */
@Service
class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	CalendarFeeds(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Opens the caller's feed, or replaces it; answers the secret, once. */
	@Transactional
	String open(CurrentUser caller) {
		TherapistId therapist = therapist(caller);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc.sql("""
				INSERT INTO calendar_feed (therapist_id, clinic_id, token_hash) VALUES (?, ?, ?)
				ON CONFLICT (therapist_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(),
				                                        last_read_at = NULL""")
			.params(therapist.value(), caller.clinic().value(), Sha256.hex(token))
			.update();
		this.events.publishEvent(new SecurityEvent(SecurityEvent.Action.CALENDAR_FEED_OPENED, caller.id(),
				caller.clinic(), caller.role(), false));
		return token;
	}

	/** Stops the caller's feed: its address answers nothing any more. */
	@Transactional
	void stop(CurrentUser caller) {
		if (this.jdbc.sql("DELETE FROM calendar_feed WHERE therapist_id = ?")
			.param(therapist(caller).value())
			.update() > 0) {
			this.events.publishEvent(new SecurityEvent(SecurityEvent.Action.CALENDAR_FEED_STOPPED, caller.id(),
					caller.clinic(), caller.role(), false));
		}
	}

	boolean isOpen(TherapistId therapist) {
		return this.jdbc.sql("SELECT count(*) FROM calendar_feed WHERE therapist_id = ?")
			.param(therapist.value())
			.query(Long.class)
			.single() > 0;
	}

	/** The therapist a feed address belongs to, noting that it was read. */
	@Transactional
	Optional<TherapistId> read(String token) {
		return this.jdbc
			.sql("UPDATE calendar_feed SET last_read_at = now() WHERE token_hash = ? RETURNING therapist_id")
			.param(Sha256.hex(token))
			.query(UUID.class)
			.optional()
			.map(TherapistId::new);
	}

	private static TherapistId therapist(CurrentUser caller) {
		if (caller.therapist() == null) {
			throw new Forbidden("Calendar feeds are for therapists: their own sessions in their own calendar app.");
		}
		return caller.therapist();
	}

}
