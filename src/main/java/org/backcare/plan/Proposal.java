package org.backcare.plan;

import java.util.List;

import org.backcare.assessment.PainRegion;
import org.backcare.notes.TreatmentPressure;
import org.backcare.therapist.Technique;

/**
 * What the rules propose for the next session: each area with its technique and pressure
 * and why they changed, what to review, and every rule that fired, under the rules'
 * version.
 */
public record Proposal(List<PlannedArea> areas, List<Suggestion> suggestions, List<NextSessionRules.Rule> fired,
		String rulesVersion) {

	public Proposal {
		areas = List.copyOf(areas);
		suggestions = List.copyOf(suggestions);
		fired = List.copyOf(fired);
	}

	/** Whether the rules change anything or have anything to say. */
	public boolean saysSomething() {
		return !this.fired.isEmpty();
	}

	/**
	 * An area to treat, and the reasons its plan differs from last time (none: as last
	 * time).
	 */
	public record PlannedArea(PainRegion region, Technique technique, TreatmentPressure pressure, List<String> why) {

		public PlannedArea {
			why = List.copyOf(why);
		}

	}

	/** Something for the therapist to do or consider, from the rule {@code rule}. */
	public record Suggestion(String rule, String text) {
	}

}
