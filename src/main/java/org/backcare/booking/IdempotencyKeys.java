package org.backcare.booking;

import java.util.Optional;
import java.util.UUID;

import org.backcare.clinic.ClinicId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of booking requests. A key is claimed inside the booking's own
 * transaction, so it is stored exactly when the appointment is: a failed attempt leaves
 * no key behind and may be retried, a successful one is replayed forever after.
 */
@Repository
class IdempotencyKeys {

	record Claim(String fingerprint, AppointmentId appointment) {
	}

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Claim> find(ClinicId clinic, String key) {
		return this.jdbc
			.sql("SELECT request_fingerprint, appointment_id FROM idempotency_key WHERE clinic_id = ? AND key = ?")
			.params(clinic.value(), key)
			.query((rs, n) -> new Claim(rs.getString("request_fingerprint"),
					new AppointmentId(rs.getObject("appointment_id", UUID.class))))
			.optional();
	}

	/**
	 * Claims the key for this transaction. Waits while another transaction holds it;
	 * answers false when that one committed, because its result is then the one to
	 * replay.
	 */
	boolean claim(ClinicId clinic, String key, String fingerprint, AppointmentId appointment) {
		return this.jdbc.sql("""
				INSERT INTO idempotency_key (clinic_id, key, request_fingerprint, appointment_id)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(clinic.value(), key, fingerprint, appointment.value())
			.update() == 1;
	}

}
