package org.backcare.audit;

import java.util.Locale;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * A health record as the audit log names it: what kind, which one, in which clinic, and
 * whose ({@code subject}, the client the data is about; null for a therapist's schedule,
 * which is about many clients and audits each of their appointments on its own).
 */
public record HealthRecord(Type type, UUID id, ClinicId clinic, ClientId subject) {

	public enum Type {

		APPOINTMENT, SCHEDULE, CLINIC_CALENDAR, CLIENT, INTAKE, REVIEW, SESSION_NOTE, SESSION_FEEDBACK, PLAN_DECISION,
		FOLLOW_UP, PROGRESS_SUMMARY, CLINIC_OUTCOMES, HOME_PLAN, HOME_LOG;

		/** The name stored in {@code audit_event.record_type}. */
		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The client's own record: their profile, exported data, matches. */
	public static HealthRecord client(ClinicId clinic, ClientId client) {
		return new HealthRecord(Type.CLIENT, client.value(), clinic, client);
	}

}
