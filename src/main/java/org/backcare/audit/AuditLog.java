package org.backcare.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.backcare.account.CurrentUser;
import org.backcare.account.SecurityEvent;
import org.backcare.clinic.ClinicChanged;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.PendingWrites;
import org.backcare.therapist.CredentialChanged;
import org.backcare.therapist.TherapistChanged;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

/**
 * Writes audit events as they are published, synchronously: inside the publisher's
 * transaction where there is one, and before the publisher goes on where there is none. A
 * failure to write fails the access itself.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final PendingWrites pending;

	AuditLog(JdbcClient jdbc, PendingWrites pending) {
		this.jdbc = jdbc;
		this.pending = pending;
	}

	/**
	 * An access to a health record, decided by {@link RecordAccess}; {@code actor} is
	 * null for BackCare itself.
	 */
	void write(CurrentUser actor, RecordAction action, HealthRecord record, boolean refused) {
		insert(record.clinic(), (actor != null) ? actor.id().value() : null,
				(actor != null) ? actor.role().name() : null, action.name(), record.type().column(), record.id(),
				(record.subject() != null) ? record.subject().value() : null, refused, null);
	}

	/**
	 * A licence or certification was recorded, verified or ended, by the signed-in admin.
	 */
	@EventListener
	void on(CredentialChanged event) {
		CurrentUser actor = CurrentUser.signedIn().orElse(null);
		insert(event.clinic(), (actor != null) ? actor.id().value() : null,
				(actor != null) ? actor.role().name() : null, event.change().name(), "therapist",
				event.therapist().value(), null, false, event.detail());
	}

	/** A therapist's hours or time off changed, by the signed-in admin. */
	@EventListener
	void on(TherapistChanged event) {
		CurrentUser actor = CurrentUser.signedIn().orElse(null);
		insert(event.clinic(), (actor != null) ? actor.id().value() : null,
				(actor != null) ? actor.role().name() : null, event.change().name(), "therapist",
				event.therapist().value(), null, false, event.detail());
	}

	/** A clinic's settings or policies changed, by the signed-in admin. */
	@EventListener
	void on(ClinicChanged event) {
		CurrentUser actor = CurrentUser.signedIn().orElse(null);
		insert(event.clinic(), (actor != null) ? actor.id().value() : null,
				(actor != null) ? actor.role().name() : null, "CLINIC_CHANGED", "clinic", event.clinic().value(), null,
				false, event.detail());
	}

	@EventListener
	void on(SecurityEvent event) {
		// Whoever acted: named by the event, else the signed-in caller acting on another
		// account,
		// else the account itself (signing in, say).
		CurrentUser signedIn = CurrentUser.signedIn().orElse(null);
		UUID actor;
		String role;
		if (event.by() != null) {
			actor = event.by().value();
			role = "ADMIN";
		}
		else if (signedIn != null && event.account() != null && !signedIn.id().equals(event.account())) {
			actor = signedIn.id().value();
			role = signedIn.role().name();
		}
		else {
			actor = (event.account() != null) ? event.account().value() : null;
			role = (event.role() != null) ? event.role().name() : null;
		}
		insert(event.clinic(), actor, role, event.action().name(), "account",
				(event.account() != null) ? event.account().value() : null, null, event.refused(), event.detail());
	}

	/**
	 * Removes the network addresses recorded for an account's own actions (erasure). The
	 * events stay, with their anonymous ids.
	 */
	void forgetOrigins(UUID account) {
		// Including those of entries this transaction has written.
		this.pending.sendNow();
		this.jdbc
			.sql("DELETE FROM audit_origin WHERE event_id IN (SELECT id FROM audit_event WHERE actor_account_id = ?)")
			.param(account)
			.update();
	}

	/** Entries of one clinic, newest first, narrowed by whichever filters are given. */
	public List<Entry> search(ClinicId clinic, Filter filter) {
		this.pending.sendNow();
		StringBuilder sql = new StringBuilder("""
				SELECT e.id, e.at, e.actor_account_id, e.actor_role, e.action, e.record_type, e.record_id,
				       e.subject_client_id, o.ip, e.outcome, e.detail
				FROM audit_event e LEFT JOIN audit_origin o ON o.event_id = e.id WHERE e.clinic_id = ?""");
		List<Object> params = new ArrayList<>(List.of(clinic.value()));
		if (filter.actor() != null) {
			sql.append(" AND e.actor_account_id = ?");
			params.add(filter.actor());
		}
		if (filter.subject() != null) {
			sql.append(" AND e.subject_client_id = ?");
			params.add(filter.subject());
		}
		if (filter.action() != null) {
			sql.append(" AND e.action = ?");
			params.add(filter.action());
		}
		if (filter.from() != null) {
			sql.append(" AND e.at >= ?");
			params.add(utc(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND e.at < ?");
			params.add(utc(filter.to()));
		}
		sql.append(" ORDER BY e.at DESC, e.id DESC LIMIT ?");
		params.add(filter.limit());
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Entry(rs.getLong("id"), instant(rs, "at"),
					rs.getObject("actor_account_id", UUID.class), rs.getString("actor_role"), rs.getString("action"),
					rs.getString("record_type"), rs.getObject("record_id", UUID.class),
					rs.getObject("subject_client_id", UUID.class), rs.getString("ip"), rs.getString("outcome"),
					rs.getString("detail")))
			.list();
	}

	public record Filter(UUID actor, UUID subject, String action, Instant from, Instant to, int limit) {
	}

	@Schema(name = "AuditEntry")
	public record Entry(long id, Instant at, UUID actorAccountId, String actorRole, String action, String recordType,
			UUID recordId, UUID subjectClientId, String ip, String outcome, String detail) {
	}

	private void insert(ClinicId clinic, UUID actor, String role, String action, String recordType, UUID recordId,
			UUID subject, boolean refused, String detail) {
		// Sent with the transaction's next write that carries it (a booking's insert) or
		// just before it commits, together with the transaction's other entries from the
		// same address: it commits or rolls back with the change it records, and costs no
		// round trip of its own.
		this.pending.addRow(new Entries(remoteAddress()), (clinic != null) ? clinic.value() : null, actor, role, action,
				recordType, recordId, subject, refused ? "REFUSED" : "OK", detail);
	}

	/**
	 * Entries from one address (null: none, as for the system's own work), written by one
	 * insert of arrays and their origin by a second, however many.
	 */
	record Entries(String ip) implements PendingWrites.Rows {

		@Override
		public String definitions() {
			return """
					%1$sevent AS (
					    INSERT INTO audit_event (clinic_id, actor_account_id, actor_role, action, record_type, record_id,
					                             subject_client_id, outcome, detail)
					    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[],
					                         ?::text[], ?::text[])
					    RETURNING id),
					%1$sorigin AS (INSERT INTO audit_origin (event_id, ip) SELECT id, ?::text FROM %1$sevent WHERE ?::text IS NOT NULL)""";
		}

		@Override
		public Object[] params(List<Object[]> rows) {
			Object[] columns = Arrays.copyOf(PendingWrites.Rows.columns(rows, UUID.class, UUID.class, String.class,
					String.class, String.class, UUID.class, UUID.class, String.class, String.class), 11);
			columns[9] = this.ip;
			columns[10] = this.ip;
			return columns;
		}

	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
