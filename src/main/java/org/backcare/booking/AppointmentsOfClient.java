package org.backcare.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A client's appointments in their export; on erasure their future sessions are cancelled
 * (the time is free again) and free text about them is removed. Past appointments stay,
 * anonymous, for the clinic's statistics.
 */
@Component
@Order(100)
class AppointmentsOfClient implements PersonalData {

	private final AppointmentRepository appointments;

	private final Clock clock;

	AppointmentsOfClient(AppointmentRepository appointments, Clock clock) {
		this.appointments = appointments;
		this.clock = clock;
	}

	@Override
	public String part() {
		return "appointments";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		return Optional.of(this.appointments.ofClient(client).stream().map(Exported::of).toList());
	}

	@Override
	public void erase(ClientId client) {
		this.appointments.forgetClient(client, this.clock.instant());
	}

	/** An appointment as it goes into the client's export. */
	record Exported(UUID id, UUID therapistId, String service, String technique, Instant start, Instant end,
			String status, Instant cancelledAt, String cancellationReason) {

		static Exported of(Appointment appointment) {
			return new Exported(appointment.id().value(), appointment.therapistId().value(), appointment.service(),
					(appointment.technique() != null) ? appointment.technique().name() : null, appointment.start(),
					appointment.end(), appointment.status().name(), appointment.cancelledAt(),
					appointment.cancellationReason());
		}

	}

}
