package org.backcare.therapist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/therapists")
@Tag(name = "Therapists")
class TherapistController {

	private final Therapists therapists;

	private final Clinics clinics;

	private final Clock clock;

	TherapistController(Therapists therapists, Clinics clinics, Clock clock) {
		this.therapists = therapists;
		this.clinics = clinics;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Therapists of a clinic, with techniques, licence status and weekly hours")
	List<TherapistView> list(
			@Parameter(description = "Clinic id; defaults to the clinic this installation serves") @RequestParam(
					required = false) UUID clinic,
			@Parameter(description = "Only therapists certified in this technique") @RequestParam(
					required = false) Technique technique) {
		Clinic served = this.clinics.chosenOrServed(clinic);
		List<Therapist> found = (technique != null) ? this.therapists.certifiedIn(served.id(), technique)
				: this.therapists.all(served.id());
		LocalDate today = LocalDate.now(this.clock.withZone(served.zone()));
		return found.stream().map(therapist -> TherapistView.of(therapist, today)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One therapist")
	TherapistView get(@PathVariable UUID id) {
		Therapist therapist = this.therapists.get(new TherapistId(id));
		Clinic clinic = this.clinics.get(therapist.clinicId());
		return TherapistView.of(therapist, LocalDate.now(this.clock.withZone(clinic.zone())));
	}

	record TherapistView(UUID id, UUID clinicId, String name, String bio, List<String> languages,
			int yearsTreatingBackPain, Set<Technique> techniques, LicenceView licence, List<HoursView> workingHours,
			@Schema(description = "false once the therapist has left the clinic: kept for history, not bookable") boolean active) {

		static TherapistView of(Therapist therapist, LocalDate today) {
			LicenceView licence = therapist.currentLicence(today)
				.map(current -> new LicenceView(current.jurisdiction(), current.number(), current.validFrom(),
						current.validUntil(), current.statusOn(today)))
				.orElse(new LicenceView(null, null, null, null, LicenceStatus.NONE));
			return new TherapistView(therapist.id().value(), therapist.clinicId().value(), therapist.name(),
					therapist.bio(), therapist.languages(), therapist.yearsTreatingBackPain(), therapist.techniques(),
					licence,
					therapist.hours()
						.intervals()
						.stream()
						.map(interval -> new HoursView(interval.day().name(), interval.starts(), interval.ends()))
						.toList(),
					therapist.active());
		}

	}

	record LicenceView(String jurisdiction, String number, LocalDate validFrom, LocalDate validUntil,
			LicenceStatus status) {
	}

	record HoursView(String day, LocalTime starts, LocalTime ends) {
	}

}
