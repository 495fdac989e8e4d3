package org.backcare.booking;

import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.Forbidden;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Therapist;

/**
 * Who may see and change an appointment: its client, its therapist, and the admins of its
 * clinic. Anyone else is told it does not exist (404), so ids cannot be probed for
 * existence. Booking is for a client themselves or for the front desk on their behalf.
 * The rules are applied (and audited) by {@link org.backcare.audit.RecordAccess}.
 */
final class AppointmentAccess {

	private AppointmentAccess() {
	}

	/** The appointment as the audit log names it. */
	static HealthRecord record(Appointment appointment) {
		return record(appointment.id(), appointment.clinicId(), appointment.clientId());
	}

	static HealthRecord record(AppointmentId id, ClinicId clinic, ClientId client) {
		return new HealthRecord(HealthRecord.Type.APPOINTMENT, id.value(), clinic, client);
	}

	/** Its client, its therapist, and its clinic's admins. */
	static AccessRule parties(Appointment appointment) {
		return caller -> (caller.isClient(appointment.clientId()) || caller.isTherapist(appointment.therapistId())
				|| caller.isAdminOf(appointment.clinicId())) ? null
						: new RecordNotFound("Appointment", appointment.id());
	}

	/**
	 * The clinic's front desk, who alone may give a session to another therapist; its
	 * client and therapist are told so.
	 */
	static AccessRule reassigners(Appointment appointment) {
		return caller -> caller.isAdminOf(appointment.clinicId()) ? null
				: (parties(appointment).refusal(caller) == null)
						? new Forbidden("Only the front desk can give a session to another therapist.")
						: new RecordNotFound("Appointment", appointment.id());
	}

	/**
	 * Its therapist and the front desk; its client may see it but not mark it as having
	 * taken place.
	 */
	static AccessRule treatingParties(Appointment appointment) {
		return caller -> caller.isClient(appointment.clientId())
				? new Forbidden("The therapist or the front desk marks a session as completed.")
				: parties(appointment).refusal(caller);
	}

	/**
	 * The client themselves, or an admin of the clinic of both the therapist and the
	 * client.
	 */
	static AccessRule bookers(Therapist therapist, Client client) {
		return caller -> switch (caller.role()) {
			case THERAPIST -> new Forbidden(
					"Therapists cannot book sessions; clients book for themselves and the front desk for them.");
			case CLIENT ->
				caller.isClient(client.id()) ? null : new Forbidden("Clients can book sessions only for themselves.");
			case ADMIN -> !caller.isAdminOf(therapist.clinicId()) ? new RecordNotFound("Therapist", therapist.id())
					: !caller.isAdminOf(client.clinicId()) ? new RecordNotFound("Client", client.id()) : null;
		};
	}

}
