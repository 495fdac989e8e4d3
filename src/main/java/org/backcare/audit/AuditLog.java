package org.backcare.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.backcare.account.CurrentUser;
import org.backcare.account.SecurityEvent;
import org.backcare.clinic.ClinicId;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events as they are published, synchronously: inside the publisher's transaction
 * where there is one, and before the publisher goes on where there is none. A failure to write
 * fails the access itself.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(HealthRecordAccessed event) {
		CurrentUser actor = CurrentUser.signedIn().orElse(null);
		insert(event.clinic(), (actor != null) ? actor.id().value() : null, (actor != null) ? actor.role().name() : null,
				event.action(), event.recordType(), event.recordId(),
				(event.subject() != null) ? event.subject().value() : null, event.refused());
	}

	@EventListener
	void on(SecurityEvent event) {
		// An admin acting on someone else's account is the actor; otherwise the account itself.
		CurrentUser signedIn = CurrentUser.signedIn().orElse(null);
		boolean byOther = signedIn != null && event.account() != null && !signedIn.id().equals(event.account());
		UUID actor = byOther ? signedIn.id().value() : (event.account() != null) ? event.account().value() : null;
		String role = byOther ? signedIn.role().name() : (event.role() != null) ? event.role().name() : null;
		insert(event.clinic(), actor, role, event.action().name(), "account",
				(event.account() != null) ? event.account().value() : null, null, event.refused());
	}

	/** Entries of one clinic, newest first, narrowed by whichever filters are given. */
	public List<Entry> search(ClinicId clinic, Filter filter) {
		StringBuilder sql = new StringBuilder("""
				SELECT id, at, actor_account_id, actor_role, action, record_type, record_id, subject_client_id, ip, outcome
				FROM audit_event WHERE clinic_id = ?""");
		List<Object> params = new ArrayList<>(List.of(clinic.value()));
		if (filter.actor() != null) {
			sql.append(" AND actor_account_id = ?");
			params.add(filter.actor());
		}
		if (filter.subject() != null) {
			sql.append(" AND subject_client_id = ?");
			params.add(filter.subject());
		}
		if (filter.action() != null) {
			sql.append(" AND action = ?");
			params.add(filter.action());
		}
		if (filter.from() != null) {
			sql.append(" AND at >= ?");
			params.add(utc(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND at < ?");
			params.add(utc(filter.to()));
		}
		sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
		params.add(filter.limit());
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getObject("actor_account_id", UUID.class), rs.getString("actor_role"), rs.getString("action"),
					rs.getString("record_type"), rs.getObject("record_id", UUID.class),
					rs.getObject("subject_client_id", UUID.class), rs.getString("ip"), rs.getString("outcome")))
			.list();
	}

	public record Filter(UUID actor, UUID subject, String action, Instant from, Instant to, int limit) {
	}

	public record Entry(long id, Instant at, UUID actorAccountId, String actorRole, String action, String recordType,
			UUID recordId, UUID subjectClientId, String ip, String outcome) {
	}

	private void insert(ClinicId clinic, UUID actor, String role, String action, String recordType, UUID recordId,
			UUID subject, boolean refused) {
		this.jdbc.sql("""
				INSERT INTO audit_event (clinic_id, actor_account_id, actor_role, action, record_type, record_id,
				                         subject_client_id, ip, outcome)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params((clinic != null) ? clinic.value() : null, actor, role, action, recordType, recordId, subject,
					remoteAddress(), refused ? "REFUSED" : "OK")
			.update();
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(java.time.ZoneOffset.UTC);
	}

}
