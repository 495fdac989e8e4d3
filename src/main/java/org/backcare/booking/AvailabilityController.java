package org.backcare.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Availability")
class AvailabilityController {

	private final Availability availability;

	private final Clinics clinics;

	private final Therapists therapists;

	AvailabilityController(Availability availability, Clinics clinics, Therapists therapists) {
		this.availability = availability;
		this.clinics = clinics;
		this.therapists = therapists;
	}

	@GetMapping("/api/v1/therapists/{id}/availability")
	@Operation(summary = "Free start times of one therapist",
			description = "Dates are the clinic's local dates, both included (at most 92 days). Starts are ISO-8601 "
					+ "date-times with the clinic's offset on that day.")
	TherapistAvailability therapist(@PathVariable UUID id,
			@Parameter(description = "Service code, e.g. TREATMENT_60") @RequestParam String service,
			@Parameter(description = "First local date; default today") @RequestParam(required = false) LocalDate from,
			@Parameter(description = "Last local date; default a week after from") @RequestParam(
					required = false) LocalDate to,
			@RequestParam(required = false) Technique technique) {
		Therapist therapist = this.therapists.get(new TherapistId(id));
		Clinic clinic = this.clinics.get(therapist.clinicId());
		LocalDate first = (from != null) ? from : this.availability.today(clinic);
		LocalDate last = (to != null) ? to : first.plusDays(6);
		List<SlotView> slots = this.availability.of(therapist.id(), service, technique, first, last)
			.stream()
			.map(slot -> new SlotView(slot.therapist().value(), slot.therapistName(), clinic.localTime(slot.start()),
					clinic.localTime(slot.end())))
			.toList();
		return new TherapistAvailability(id, service, clinic.zone().getId(), first, last, slots);
	}

	@GetMapping("/api/v1/availability")
	@Operation(summary = "First free slots across all therapists certified in a technique, soonest first")
	ClinicAvailability firstFree(@RequestParam String service,
			@Parameter(description = "Only therapists certified in this technique; default any") @RequestParam(
					required = false) Technique technique,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
			@Parameter(description = "Clinic id; defaults to the clinic this installation serves") @RequestParam(
					required = false) UUID clinic) {
		Clinic served = this.clinics.chosenOrServed(clinic);
		LocalDate first = (from != null) ? from : this.availability.today(served);
		LocalDate last = (to != null) ? to : first.plusDays(13);
		List<Slot> slots = this.availability.firstFree(served.id(), technique, service, first, last, limit);
		return new ClinicAvailability(service, technique, served.zone().getId(), first, last,
				slots.stream()
					.map(slot -> new SlotView(slot.therapist().value(), slot.therapistName(),
							served.localTime(slot.start()), served.localTime(slot.end())))
					.toList());
	}

	record SlotView(UUID therapistId, String therapistName, OffsetDateTime start, OffsetDateTime end) {
	}

	record TherapistAvailability(UUID therapistId, String service, String timeZone, LocalDate from, LocalDate to,
			List<SlotView> slots) {
	}

	record ClinicAvailability(String service, Technique technique, String timeZone, LocalDate from, LocalDate to,
			List<SlotView> slots) {
	}

}
