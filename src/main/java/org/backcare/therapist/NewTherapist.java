package org.backcare.therapist;

import java.util.List;
import java.util.Set;

/** What the clinic records when a therapist joins. */
public record NewTherapist(String name, String bio, List<String> languages, int yearsTreatingBackPain,
		List<Licence> licences, Set<Technique> techniques, List<WorkingInterval> hours) {
}
