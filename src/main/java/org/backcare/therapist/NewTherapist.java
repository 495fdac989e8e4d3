package org.backcare.therapist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the clinic records when a therapist joins. */
public record NewTherapist(String name, String bio, List<String> languages, int yearsTreatingBackPain,
		List<Licence> licences, Set<Technique> techniques, List<WorkingInterval> hours, Gender gender,
		Map<Technique, LocalDate> certifiedOn) {

	public NewTherapist(String name, String bio, List<String> languages, int yearsTreatingBackPain,
			List<Licence> licences, Set<Technique> techniques, List<WorkingInterval> hours) {
		this(name, bio, languages, yearsTreatingBackPain, licences, techniques, hours, Gender.UNDISCLOSED, Map.of());
	}

}
