package org.backcare.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A therapist's schedule over the API: the therapist themselves, or their clinic's
 * admins. {@link Bookings#schedule} decides and audits; the client record lives in the
 * client module.
 */
@RestController
@Tag(name = "Care records")
@SecurityRequirement(name = "bearer")
class CareRecordsController {

	private final Therapists therapists;

	private final Clients clients;

	private final Clinics clinics;

	private final Bookings bookings;

	CareRecordsController(Therapists therapists, Clients clients, Clinics clinics, Bookings bookings) {
		this.therapists = therapists;
		this.clients = clients;
		this.clinics = clinics;
		this.bookings = bookings;
	}

	@GetMapping("/api/v1/therapists/{id}/schedule")
	@Operation(summary = "A therapist's appointments over clinic-local dates (the therapist themselves, or an admin)")
	List<ScheduleEntry> schedule(@PathVariable UUID id, @RequestParam LocalDate from, @RequestParam LocalDate to) {
		CurrentUser caller = CurrentUser.required();
		Therapist therapist = this.therapists.get(new TherapistId(id));
		Clinic clinic = this.clinics.get(therapist.clinicId());
		return this.bookings.schedule(caller, therapist, from, to).stream().map(appointment -> {
			return new ScheduleEntry(appointment.id().value(), appointment.clientId().value(),
					this.clients.get(appointment.clientId()).name(), appointment.service(),
					clinic.localTime(appointment.start()), clinic.localTime(appointment.end()), appointment.status());
		}).toList();
	}

	record ScheduleEntry(UUID appointmentId, UUID clientId, String clientName, String service, OffsetDateTime start,
			OffsetDateTime end, AppointmentStatus status) {
	}

}
