package org.backcare.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Bookings;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.RuleRefused;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

/**
 * The review module's public face. Who may do what: a client writes (and rewrites) their
 * own review of a therapist they have had a completed session with; the therapist
 * replies; the clinic's admins hide a review with a reason. Everyone sees the visible
 * reviews, without the reviewer's name: a review says that someone is treated for back
 * pain, so it is shown as from a "verified client" only.
 */
@Service
public class Reviews {

	private static final String COLUMNS = """
			clinic_id, id, therapist_id, client_id, listening, comfort, effect, text, written_at, revision, reply,
			replied_at, hidden_at, hidden_reason""";

	private final JdbcClient jdbc;

	private final Therapists therapists;

	private final Bookings bookings;

	private final RecordAccess access;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Reviews(JdbcClient jdbc, Therapists therapists, Bookings bookings, RecordAccess access, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.therapists = therapists;
		this.bookings = bookings;
		this.access = access;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Writes the caller's review of the therapist, or rewrites it: one per client and
	 * therapist, and the earlier version is kept. Only after a completed session with
	 * that therapist.
	 */
	public Review write(CurrentUser caller, TherapistId therapistId, Ratings ratings, String text) {
		String clean = (text == null) ? "" : text.strip();
		Instant now = this.clock.instant();
		return this.transaction.execute(status -> {
			// The row lock on an existing review orders concurrent rewrites of it.
			UUID existing = (caller.client() == null) ? null : this.jdbc.sql("""
					SELECT id FROM review WHERE clinic_id = ? AND therapist_id = ? AND client_id = ? FOR UPDATE""")
				.params(caller.clinic().value(), therapistId.value(), caller.client().value())
				.query(UUID.class)
				.optional()
				.orElse(null);
			UUID id = (existing != null) ? existing : UUID.randomUUID();
			this.access.check(caller, RecordAction.REVIEW_WRITTEN,
					new HealthRecord(HealthRecord.Type.REVIEW, id, caller.clinic(), caller.client()),
					who -> (who.client() != null) ? null
							: new Forbidden("Only clients write reviews, of therapists they have had a session with."));
			Therapist therapist = this.therapists.find(therapistId)
				.filter(found -> found.clinicId().equals(caller.clinic()))
				.orElseThrow(() -> new RecordNotFound("Therapist", therapistId));
			if (!this.bookings.haveCompletedSession(therapistId, caller.client())) {
				throw new ReviewRefused("no-completed-session",
						"You can review " + therapist.name() + " after a session with them has taken place.");
			}
			if (existing == null) {
				if (this.jdbc
					.sql("""
							INSERT INTO review (clinic_id, id, therapist_id, client_id, listening, comfort, effect, text, written_at)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (clinic_id, therapist_id, client_id) DO NOTHING""")
					.params(caller.clinic().value(), id, therapistId.value(), caller.client().value(),
							ratings.listening(), ratings.comfort(), ratings.effect(), clean, utc(now))
					.update() == 0) {
					throw new ReviewRefused(HttpStatus.CONFLICT, "written-meanwhile",
							"Your review of " + therapist.name() + " was saved from elsewhere at the same moment. "
									+ "Please look at it and send your changes again.");
				}
			}
			else {
				// Keep the version being replaced, then replace it.
				this.jdbc
					.sql("""
							INSERT INTO review_revision (clinic_id, review_id, revision, listening, comfort, effect, text, written_at)
							SELECT clinic_id, id, revision, listening, comfort, effect, text, written_at FROM review
							WHERE clinic_id = ? AND id = ?""")
					.params(caller.clinic().value(), id)
					.update();
				this.jdbc
					.sql("""
							UPDATE review SET listening = ?, comfort = ?, effect = ?, text = ?, written_at = ?, revision = revision + 1
							WHERE clinic_id = ? AND id = ?""")
					.params(ratings.listening(), ratings.comfort(), ratings.effect(), clean, utc(now),
							caller.clinic().value(), id)
					.update();
			}
			return find(id).orElseThrow();
		});
	}

	/** The therapist's public reply to a review of them; a new reply replaces the old. */
	public Review reply(CurrentUser caller, UUID reviewId, String text) {
		Review review = find(reviewId).orElseThrow(() -> new RecordNotFound("Review", reviewId));
		return this.transaction.execute(status -> {
			this.access.check(caller, RecordAction.REVIEW_REPLIED, record(review),
					who -> who.isTherapist(review.therapistId()) ? null
							: who.isAdminOf(review.clinicId()) ? new Forbidden("Only the therapist reviewed can reply.")
									: new RecordNotFound("Review", reviewId));
			if (text == null || text.isBlank() || text.length() > 2000) {
				throw new InvalidRequest("A reply needs 1 to 2,000 characters.");
			}
			this.jdbc.sql("UPDATE review SET reply = ?, replied_at = ? WHERE clinic_id = ? AND id = ?")
				.params(text.strip(), utc(this.clock.instant()), review.clinicId().value(), reviewId)
				.update();
			return find(reviewId).orElseThrow();
		});
	}

	/**
	 * Hides a review from everyone but the clinic's admins, with the reason; nothing is
	 * deleted.
	 */
	public Review hide(CurrentUser caller, UUID reviewId, String reason) {
		Review review = find(reviewId).orElseThrow(() -> new RecordNotFound("Review", reviewId));
		return this.transaction.execute(status -> {
			this.access.check(caller, RecordAction.REVIEW_HIDDEN, record(review), admins(review));
			if (reason == null || reason.isBlank() || reason.length() > 500) {
				throw new InvalidRequest("Please give the reason for hiding (up to 500 characters).");
			}
			// Who hid a review first, and why, is kept: hiding it again changes nothing.
			if (this.jdbc.sql("""
					UPDATE review SET hidden_at = ?, hidden_by = ?, hidden_reason = ?
					WHERE clinic_id = ? AND id = ? AND hidden_at IS NULL""")
				.params(utc(this.clock.instant()), caller.id().value(), reason.strip(), review.clinicId().value(),
						reviewId)
				.update() == 0) {
				throw new ReviewRefused(HttpStatus.CONFLICT, "already-hidden", "This review is already hidden.");
			}
			return find(reviewId).orElseThrow();
		});
	}

	/**
	 * Every earlier version of a review, oldest first: for its author and the clinic's
	 * admins.
	 */
	public List<Revision> history(CurrentUser caller, UUID reviewId) {
		Review review = find(reviewId).orElseThrow(() -> new RecordNotFound("Review", reviewId));
		this.access.check(caller, RecordAction.REVIEW_HISTORY_READ, record(review),
				who -> (who.isClient(review.clientId()) || who.isAdminOf(review.clinicId())) ? null
						: new RecordNotFound("Review", reviewId));
		return this.jdbc.sql("""
				SELECT revision, listening, comfort, effect, text, written_at FROM review_revision
				WHERE clinic_id = ? AND review_id = ? ORDER BY revision""")
			.params(review.clinicId().value(), reviewId)
			.query((rs, n) -> new Revision(rs.getInt("revision"),
					new Ratings(rs.getInt("listening"), rs.getInt("comfort"), rs.getInt("effect")),
					rs.getString("text"), instant(rs, "written_at")))
			.list();
	}

	public record Revision(int revision, Ratings ratings, String text, Instant writtenAt) {
	}

	/** The visible reviews of a therapist, newest first. */
	public List<Review> visible(TherapistId therapist) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM review WHERE therapist_id = ? AND hidden_at IS NULL "
					+ "ORDER BY written_at DESC, id")
			.param(therapist.value())
			.query(Reviews::review)
			.list();
	}

	/**
	 * Every review in the admin's clinic, hidden ones included, with whose it is: the
	 * moderation view. Each review shown is an audited read.
	 */
	public List<Review> forModeration(CurrentUser admin) {
		return forModeration(admin, null);
	}

	/**
	 * {@link #forModeration(CurrentUser)} of one therapist's reviews (all of them when
	 * null).
	 */
	public List<Review> forModeration(CurrentUser admin, TherapistId therapist) {
		List<Review> all = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM review WHERE clinic_id = ? AND (?::uuid IS NULL OR therapist_id = ?::uuid)
				ORDER BY written_at DESC, id""")
			.params(admin.clinic().value(), (therapist != null) ? therapist.value() : null,
					(therapist != null) ? therapist.value() : null)
			.query(Reviews::review)
			.list();
		all.forEach(review -> this.access.check(admin, RecordAction.REVIEW_READ, record(review), admins(review)));
		return all;
	}

	/** The review as the audit log names it: about its author, the client. */
	private static HealthRecord record(Review review) {
		return new HealthRecord(HealthRecord.Type.REVIEW, review.id(), review.clinicId(), review.clientId());
	}

	private static AccessRule admins(Review review) {
		return caller -> caller.isAdminOf(review.clinicId()) ? null : new RecordNotFound("Review", review.id());
	}

	/** The caller's own review of the therapist, if they wrote one. */
	public Optional<Review> mine(CurrentUser caller, TherapistId therapist) {
		if (caller.client() == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE therapist_id = ? AND client_id = ?")
			.params(therapist.value(), caller.client().value())
			.query(Reviews::review)
			.optional();
	}

	public ReviewSummary summary(Therapist therapist) {
		return summaries(therapist.clinicId()).of(therapist.id());
	}

	/** Each reviewed therapist's summary and the clinic's mean, in one query. */
	public ReviewSummaries summaries(ClinicId clinic) {
		Map<TherapistId, ReviewSummary> summaries = new HashMap<>();
		Double[] clinicMean = { null };
		// The clinic's mean comes from the same snapshot as the therapists' sums.
		this.jdbc
			.sql("""
					WITH visible AS (SELECT therapist_id, listening, comfort, effect, (listening + comfort + effect) / 3.0 AS rating
					                 FROM review WHERE clinic_id = ? AND hidden_at IS NULL)
					SELECT therapist_id, count(*) AS n, sum(rating) AS total, avg(listening) AS listening, avg(comfort) AS comfort,
					       avg(effect) AS effect, (SELECT avg(rating) FROM visible)::float8 AS clinic_mean
					FROM visible GROUP BY therapist_id""")
			.param(clinic.value())
			.query((rs, n) -> {
				int count = rs.getInt("n");
				double total = rs.getDouble("total");
				double mean = rs.getDouble("clinic_mean");
				clinicMean[0] = mean;
				summaries.put(new TherapistId(rs.getObject("therapist_id", UUID.class)),
						new ReviewSummary(count, total / count, rs.getDouble("listening"), rs.getDouble("comfort"),
								rs.getDouble("effect"), BayesianAverage.of(total, count, mean)));
				return null;
			})
			.list();
		return new ReviewSummaries(Map.copyOf(summaries), clinicMean[0]);
	}

	/** Erasure: the client's reviews and their earlier versions are deleted. */
	int forgetClient(ClientId client) {
		return this.jdbc.sql("DELETE FROM review WHERE client_id = ?").param(client.value()).update();
	}

	/** The client's own reviews, for their data export. */
	List<Review> exportOf(ClientId client) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE client_id = ? ORDER BY written_at")
			.param(client.value())
			.query(Reviews::review)
			.list();
	}

	Optional<Review> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE id = ?")
			.param(id)
			.query(Reviews::review)
			.optional();
	}

	private static Review review(ResultSet rs, int row) throws SQLException {
		return new Review(rs.getObject("id", UUID.class), new ClinicId(rs.getObject("clinic_id", UUID.class)),
				new TherapistId(rs.getObject("therapist_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)),
				new Ratings(rs.getInt("listening"), rs.getInt("comfort"), rs.getInt("effect")), rs.getString("text"),
				instant(rs, "written_at"), rs.getInt("revision"), rs.getString("reply"), instant(rs, "replied_at"),
				instant(rs, "hidden_at"), rs.getString("hidden_reason"));
	}

	/** A review rule refused; {@code rule} names it. */
	static class ReviewRefused extends RuleRefused {

		ReviewRefused(String rule, String detail) {
			this(HttpStatus.UNPROCESSABLE_CONTENT, rule, detail);
		}

		ReviewRefused(HttpStatus status, String rule, String detail) {
			super(status, "review-refused", "Review refused", rule, detail);
		}

	}

}
