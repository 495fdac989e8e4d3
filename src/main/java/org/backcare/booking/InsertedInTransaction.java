package org.backcare.booking;

import java.util.HashMap;
import java.util.Map;

import org.backcare.platform.TransactionBound;

/**
 * The sessions one transaction has inserted, exactly as inserted, until it ends or
 * changes any session: a booking's mail and reminders read the new session back without
 * another round trip. Bound to the transaction as Spring binds its connection.
 */
final class InsertedInTransaction {

	private static final Object KEY = InsertedInTransaction.class;

	private InsertedInTransaction() {
	}

	static void remember(Appointment appointment) {
		Map<AppointmentId, Appointment> inserted = current(true);
		if (inserted != null) {
			inserted.put(appointment.id(), appointment);
		}
	}

	/** The session as this transaction inserted it, or null. */
	static Appointment find(AppointmentId id) {
		Map<AppointmentId, Appointment> inserted = current(false);
		return (inserted != null) ? inserted.get(id) : null;
	}

	/** A session changed: what was inserted may no longer be what the database holds. */
	static void forget() {
		Map<AppointmentId, Appointment> inserted = current(false);
		if (inserted != null) {
			inserted.clear();
		}
	}

	private static Map<AppointmentId, Appointment> current(boolean create) {
		return TransactionBound.get(KEY, create ? HashMap::new : null);
	}

}
