package org.backcare.therapist;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backcare.clinic.ClinicId;

/**
 * A therapist as the rest of BackCare sees them: credentials and weekly hours, and
 * whether they still work at the clinic ({@code active}; one who has left keeps their
 * history but takes no bookings).
 */
public record Therapist(TherapistId id, ClinicId clinicId, String name, String bio, List<String> languages,
		int yearsTreatingBackPain, List<Licence> licences, Set<Technique> techniques, WeeklyHours hours, Gender gender,
		Map<Technique, LocalDate> certifiedOn, Map<Technique, LocalDate> certifiedUntil, boolean active) {

	public Therapist(TherapistId id, ClinicId clinicId, String name, String bio, List<String> languages,
			int yearsTreatingBackPain, List<Licence> licences, Set<Technique> techniques, WeeklyHours hours,
			Gender gender, Map<Technique, LocalDate> certifiedOn, Map<Technique, LocalDate> certifiedUntil) {
		this(id, clinicId, name, bio, languages, yearsTreatingBackPain, licences, techniques, hours, gender,
				certifiedOn, certifiedUntil, true);
	}

	public Therapist(TherapistId id, ClinicId clinicId, String name, String bio, List<String> languages,
			int yearsTreatingBackPain, List<Licence> licences, Set<Technique> techniques, WeeklyHours hours,
			Gender gender, Map<Technique, LocalDate> certifiedOn) {
		this(id, clinicId, name, bio, languages, yearsTreatingBackPain, licences, techniques, hours, gender,
				certifiedOn, Map.of());
	}

	/**
	 * A therapist who has not said their gender, with no certification dates on record.
	 */
	public Therapist(TherapistId id, ClinicId clinicId, String name, String bio, List<String> languages,
			int yearsTreatingBackPain, List<Licence> licences, Set<Technique> techniques, WeeklyHours hours) {
		this(id, clinicId, name, bio, languages, yearsTreatingBackPain, licences, techniques, hours, Gender.UNDISCLOSED,
				Map.of());
	}

	public boolean licenceValidOn(LocalDate day) {
		return this.licences.stream().anyMatch(licence -> licence.isValidOn(day));
	}

	/**
	 * Certified in the technique as of today: {@code techniques} holds only verified
	 * certifications that had not expired when the therapist was loaded.
	 */
	public boolean certifiedIn(Technique technique) {
		return this.techniques.contains(technique);
	}

	/** Certified in the technique on that day: verified, and not expired by then. */
	public boolean certifiedIn(Technique technique, LocalDate day) {
		LocalDate until = this.certifiedUntil.get(technique);
		return this.techniques.contains(technique) && (until == null || !day.isAfter(until));
	}

	/**
	 * The licence that speaks for the therapist today: one valid now (the
	 * longest-running), else the next one to start, else the one that lapsed last.
	 */
	public LicenceStatus licenceStatusOn(LocalDate today) {
		return currentLicence(today).map(licence -> licence.statusOn(today)).orElse(LicenceStatus.NONE);
	}

	/**
	 * The licence valid on the day as a signature names it ("Ontario 12345"); null when
	 * none is.
	 */
	public String licenceOn(LocalDate day) {
		return currentLicence(day).filter(licence -> licence.isValidOn(day))
			.map(licence -> licence.jurisdiction() + " " + licence.number())
			.orElse(null);
	}

	public Optional<Licence> currentLicence(LocalDate today) {
		return this.licences.stream()
			.min(Comparator.comparing((Licence licence) -> rank(licence.statusOn(today)))
				.thenComparing(Licence::validUntil, Comparator.reverseOrder()));
	}

	private static int rank(LicenceStatus status) {
		return switch (status) {
			case VALID, EXPIRING_SOON -> 0;
			case NOT_YET_VALID -> 1;
			case UNVERIFIED -> 2;
			default -> 3;
		};
	}

}
