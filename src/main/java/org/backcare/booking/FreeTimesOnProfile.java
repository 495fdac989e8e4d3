package org.backcare.booking;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.therapist.ProfileSection;
import org.backcare.therapist.Therapist;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The therapist's next free treatment times on their profile, and the way to book a first
 * consultation.
 */
@Component
@Order(100)
class FreeTimesOnProfile implements ProfileSection {

	private final Availability availability;

	private final Clinics clinics;

	FreeTimesOnProfile(Availability availability, Clinics clinics) {
		this.availability = availability;
		this.clinics = clinics;
	}

	@Override
	public Optional<Part> of(Therapist therapist) {
		if (!therapist.active()) {
			return Optional.empty();
		}
		Clinic clinic = this.clinics.get(therapist.clinicId());
		LocalDate today = this.availability.today(clinic);
		return Optional.of(new Part("booking/profile-section",
				Map.of("therapist", therapist, "slots",
						this.availability.of(therapist.id(), ServiceType.TREATMENT_60, null, today, today.plusDays(13))
							.stream()
							.limit(3)
							.map(slot -> clinic.localTime(slot.start()))
							.toList())));
	}

}
