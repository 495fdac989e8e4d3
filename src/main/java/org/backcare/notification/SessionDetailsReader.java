package org.backcare.notification;

import java.util.Optional;

import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Component;

/**
 * Reads what a mail says of a session, or nothing when there is nobody to mail: the
 * session is gone, or its client was erased or has no address.
 */
@Component
class SessionDetailsReader {

	private final Bookings bookings;

	private final Clinics clinics;

	private final Clients clients;

	private final Therapists therapists;

	SessionDetailsReader(Bookings bookings, Clinics clinics, Clients clients, Therapists therapists) {
		this.bookings = bookings;
		this.clinics = clinics;
		this.clients = clients;
		this.therapists = therapists;
	}

	Optional<SessionDetails> read(AppointmentId id) {
		return details(this.bookings.find(id));
	}

	/**
	 * As {@link #read}, once a move or cancellation in progress has committed: the
	 * session stays as read until the caller's transaction ends.
	 */
	Optional<SessionDetails> readSettled(AppointmentId id) {
		return details(this.bookings.findSettled(id));
	}

	private Optional<SessionDetails> details(Optional<Appointment> found) {
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Appointment session = found.get();
		Client client = this.clients.get(session.clientId());
		if (client.erased() || client.email() == null || client.email().isBlank()) {
			return Optional.empty();
		}
		Clinic clinic = this.clinics.get(session.clinicId());
		return Optional
			.of(new SessionDetails(session, client, clinic, this.clinics.service(clinic.id(), session.service()).name(),
					this.therapists.name(session.therapistId()), this.clinics.policies(clinic.id())));
	}

}
