package org.backcare.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backcare.assessment.PainRegion;
import org.backcare.homecare.HomeCareRules;
import org.backcare.notes.TreatedArea;
import org.backcare.notes.TreatmentPressure;
import org.backcare.therapist.Technique;

/**
 * What the rules look at, gathered for one client before their next session.
 *
 * @param lastAreas the areas of the latest signed note, with technique and pressure
 * @param sessions what each held session said, the latest first: the client's feedback
 * and the pain recorded at it
 * @param baselinePain the pain now (NPRS 0–10) of the client's first intake; null without
 * one
 * @param sessionsHeld sessions held so far
 * @param initialSessions the sessions of the initial phase the recommendation set; null
 * without one
 * @param ruledOut techniques the intake's contraindications rule out, with why
 * @param redFlagsSinceBaseline a later intake answered a red-flag question yes
 * @param home adherence to the home plan over the last two full weeks, and severe pain
 * logged during its items since the last session
 */
public record PlanFacts(List<TreatedArea> lastAreas, List<SessionFacts> sessions, Integer baselinePain,
		int sessionsHeld, Integer initialSessions, Map<Technique, String> ruledOut, boolean redFlagsSinceBaseline,
		HomeCareRules.Facts home) {

	public PlanFacts {
		lastAreas = List.copyOf(lastAreas);
		sessions = List.copyOf(sessions);
		ruledOut = Map.copyOf(ruledOut);
	}

	/** Without home care (no plan, nothing logged). */
	public PlanFacts(List<TreatedArea> lastAreas, List<SessionFacts> sessions, Integer baselinePain, int sessionsHeld,
			Integer initialSessions, Map<Technique, String> ruledOut, boolean redFlagsSinceBaseline) {
		this(lastAreas, sessions, baselinePain, sessionsHeld, initialSessions, ruledOut, redFlagsSinceBaseline,
				new HomeCareRules.Facts(null, List.of()));
	}

	/**
	 * One held session as the rules see it: how the pressure felt (overall, and per
	 * area), soreness the next day, the pain recorded at it (the note's, else the
	 * feedback's), areas the client asked to avoid. Null: not said.
	 */
	public record SessionFacts(Verdict overall, Map<PainRegion, Verdict> byArea, Integer soreness, Integer pain,
			Set<PainRegion> avoid) {

		public SessionFacts {
			byArea = Map.copyOf(byArea);
			avoid = Set.copyOf(avoid);
		}

		/**
		 * Whether the client gave feedback on this session (not only a pain in the note).
		 */
		boolean told() {
			return this.overall != null || !this.byArea.isEmpty() || this.soreness != null || !this.avoid.isEmpty();
		}

		/** How the pressure felt on the area: said for it, else overall, else null. */
		Verdict on(PainRegion region) {
			return this.byArea.getOrDefault(region, this.overall);
		}

	}

	/** How the pressure felt. */
	public enum Verdict {

		TOO_LIGHT, RIGHT, TOO_FIRM

	}

	/** The firmest pressure the intake allows: medium when deep pressure is ruled out. */
	TreatmentPressure firmestAllowed() {
		return (this.ruledOut.containsKey(Technique.DEEP_TISSUE) || this.ruledOut.containsKey(Technique.TRIGGER_POINT))
				? TreatmentPressure.MEDIUM : TreatmentPressure.FIRM;
	}

}
