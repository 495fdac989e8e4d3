package org.backcare.assessment;

import java.util.List;

import org.backcare.therapist.Technique;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The care proposed from an assessment, with the reason for each part and the rules that
 * fired. Restricted techniques never appear among {@code techniques}; they are listed in
 * {@code excluded} with the condition that rules them out.
 */
public record Recommendation(List<TechniqueChoice> techniques, List<Excluded> excluded, Phase phase,
		List<HomeCare> homeCare, List<String> combinedCare, List<FiredRule> fired) {

	public record TechniqueChoice(Technique technique, List<String> reasons) {

		public String label() {
			return this.technique.displayName();
		}

	}

	@Schema(name = "ExcludedTechnique")
	public record Excluded(Technique technique, String because) {
	}

	/**
	 * An initial phase ({@code initialSessions} sessions, one every {@code everyDays}
	 * days), then maintenance every {@code maintenanceEveryWeeks} weeks, or as needed
	 * when null.
	 */
	public record Phase(int initialSessions, int everyDays, Integer maintenanceEveryWeeks, String reason) {

		public String describe() {
			String initial = (this.everyDays == 7 ? "weekly" : "every " + this.everyDays + " days") + " × "
					+ this.initialSessions;
			return initial + ", then " + ((this.maintenanceEveryWeeks == null) ? "as needed"
					: "every " + this.maintenanceEveryWeeks + " weeks");
		}

	}

	public record HomeCare(HomeCareTheme theme, List<String> reasons) {

		public String label() {
			return this.theme.label();
		}

	}

	public record FiredRule(String id, String when, String source) {
	}

	public List<Technique> techniqueList() {
		return this.techniques.stream().map(TechniqueChoice::technique).toList();
	}

}
