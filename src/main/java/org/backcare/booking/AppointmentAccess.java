package org.backcare.booking;

import org.backcare.account.CurrentUser;
import org.backcare.audit.HealthRecordAccessed;
import org.backcare.client.Client;
import org.backcare.platform.Forbidden;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Therapist;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may see and change an appointment: its client, its therapist, and the admins of its
 * clinic. Anyone else is told it does not exist (404), so ids cannot be probed for existence.
 * Booking is for a client themselves or for the front desk on their behalf.
 */
@Component
class AppointmentAccess {

	private final Bookings bookings;

	private final ApplicationEventPublisher events;

	static final String READ = "APPOINTMENT_READ";

	AppointmentAccess(Bookings bookings, ApplicationEventPublisher events) {
		this.bookings = bookings;
		this.events = events;
	}

	/**
	 * The appointment, if the caller may see it. A refusal is audited under the action that was
	 * attempted ({@code APPOINTMENT_READ}, {@code APPOINTMENT_CANCELLED}, …).
	 */
	Appointment visible(CurrentUser caller, AppointmentId id, String attempted) {
		Appointment appointment = this.bookings.find(id).orElseThrow(() -> new RecordNotFound("Appointment", id));
		if (caller.isClient(appointment.clientId()) || caller.isTherapist(appointment.therapistId())
				|| caller.isAdminOf(appointment.clinicId())) {
			return appointment;
		}
		this.events.publishEvent(new HealthRecordAccessed(attempted, "appointment", id.value(), appointment.clinicId(),
				appointment.clientId(), true));
		throw new RecordNotFound("Appointment", id);
	}

	/** {@link #visible} for reading: the read is audited. */
	Appointment read(CurrentUser caller, AppointmentId id) {
		Appointment appointment = visible(caller, id, READ);
		this.events.publishEvent(
				HealthRecordAccessed.of(READ, "appointment", id.value(), appointment.clinicId(), appointment.clientId()));
		return appointment;
	}

	/**
	 * Whether the caller may book for this client with this therapist, given both already
	 * loaded (so the check costs no query of its own).
	 */
	void mayBook(CurrentUser caller, Therapist therapist, Client client) {
		switch (caller.role()) {
			case THERAPIST -> throw new Forbidden(
					"Therapists cannot book sessions; clients book for themselves and the front desk for them.");
			case CLIENT -> {
				if (!caller.isClient(client.id())) {
					throw new Forbidden("Clients can book sessions only for themselves.");
				}
			}
			case ADMIN -> {
				if (!caller.isAdminOf(therapist.clinicId())) {
					throw new RecordNotFound("Therapist", therapist.id());
				}
				if (!caller.isAdminOf(client.clinicId())) {
					throw new RecordNotFound("Client", client.id());
				}
			}
		}
	}

	static CurrentUser caller() {
		return CurrentUser.signedIn().orElseThrow(() -> new IllegalStateException(
				"The security configuration lets only signed-in callers reach appointments"));
	}

}
