package org.backcare.matching;

import java.util.List;

import org.backcare.assessment.GenderPreference;
import org.backcare.therapist.Technique;

/**
 * What the client's latest intake asks of a therapist. Without an intake: no recommended
 * techniques (any certified therapist qualifies), no preferences.
 */
record ClientNeeds(boolean hasIntake, List<Technique> recommended, String language, GenderPreference gender) {

	static ClientNeeds withoutIntake() {
		return new ClientNeeds(false, List.of(), null, GenderPreference.NO_PREFERENCE);
	}

}
