package org.backcare.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.backcare.assessment.PainRegion;
import org.backcare.homecare.HomeCare;
import org.backcare.homecare.HomeCareRules;
import org.backcare.notes.TreatedArea;
import org.backcare.notes.TreatmentPressure;
import org.backcare.plan.PlanFacts.SessionFacts;
import org.backcare.plan.PlanFacts.Verdict;
import org.backcare.plan.Proposal.PlannedArea;
import org.backcare.plan.Proposal.Suggestion;
import org.backcare.therapist.Technique;

/**
 * The rules that turn a client's notes and feedback into a proposal for their next
 * session, in one table, each with its source or marked as the clinic's own rule. The
 * therapist decides; the rules only propose. Starting point: the areas, techniques and
 * pressures of the latest signed note.
 * <p>
 * Sources: Ostelo RWJG et al., Interpreting change scores for pain and functional status
 * in low back pain: towards international consensus regarding minimal important change,
 * Spine 2008;33(1):90–94 (for the 0–10 numeric rating scale an important change is 2
 * points, or 30 % of the baseline); NICE NG59 (2016, updated 2020) and the intake's
 * red-flag screen for referral; the intake's contraindication screen (Walton 2011,
 * Batavia 2004) for what pressure and techniques are ruled out.
 */
public final class NextSessionRules {

	/** Changes whenever a rule changes; kept with every decision on a proposal. */
	public static final String VERSION = "plan-rules 2026-12-04";

	/**
	 * Next-day soreness (0–10) from which the next session goes lighter: the clinic's own
	 * rule.
	 */
	public static final int SORENESS_LIMIT = 6;

	/** The minimal important change on the 0–10 NPRS, in points (Ostelo et al. 2008). */
	public static final double MCID_POINTS = 2.0;

	/**
	 * The minimal important change on the 0–10 NPRS, in percent of the baseline (Ostelo
	 * et al. 2008).
	 */
	public static final double MCID_PERCENT = 30.0;

	private static final String OSTELO = "Ostelo et al., Spine 2008;33(1):90–94: the minimal important change on "
			+ "the 0–10 NPRS is 2 points or 30 %";

	/** A rule: its stable id, what it says, and its source. */
	public record Rule(String id, String says, String source) {
	}

	public static final Rule AVOID = new Rule("avoid-area", "An area the client asked to avoid is not planned.",
			"The client's own word: consent is given area by area (the clinic's own rule)");

	public static final Rule RULED_OUT = new Rule("technique-ruled-out",
			"A technique the client's intake rules out is not planned; pressure stays at most medium when deep "
					+ "pressure is ruled out.",
			"The intake's contraindication screen (Walton, Medical Conditions and Massage Therapy, 2011; Batavia, "
					+ "J Bodyw Mov Ther 2004)");

	public static final Rule LIGHTER = new Rule("lighter-after-too-firm-or-sore",
			"Pressure too firm on an area, or soreness the next day of " + SORENESS_LIMIT
					+ " or more out of 10: one step lighter (on that area; on every area for soreness).",
			"The clinic's own rule");

	public static final Rule FIRMER = new Rule("firmer-after-too-light-twice",
			"Pressure too light on an area at the last two sessions, with no soreness (0) after either: one step "
					+ "firmer, never past what the intake allows.",
			"The clinic's own rule, within the intake's contraindications");

	public static final Rule REASSESS = new Rule("reassess-when-worse",
			"Pain worse than at intake by the minimal important change or more at the last two sessions: reassess; "
					+ "with new red-flag answers, refer to a doctor.",
			OSTELO + "; referral: NICE NG59 and the intake's red-flag screen");

	public static final Rule REVIEW = new Rule("review-without-improvement",
			"No important improvement in pain by the end of the initial phase (less than 2 points and less than "
					+ "30 % better than at intake): review technique and cadence.",
			OSTELO);

	public static final Rule REVIEW_HOME_PLAN = new Rule("review-home-plan",
			"Home care done on less than " + HomeCareRules.LOW_ADHERENCE + " % of the asked days over the last two "
					+ "full weeks, and pain not importantly better than at intake: review the home plan with the "
					+ "client (what is in the way, the dose, whether it is clear).",
			"The clinic's own rule (" + HomeCareRules.LOW_ADHERENCE + " %); adherence: Beinart et al., Spine J 2013; "
					+ "improvement: " + OSTELO);

	public static final Rule CHECK_HOME_ITEM = new Rule("check-home-item",
			"Pain of " + HomeCare.SEVERE_PAIN + " or more out of 10 logged during a home-care item since the last "
					+ "session: check that item with the client.",
			"Severe pain is 7 to 10 on a 0–10 scale (Serlin et al., Pain 1995;61:277–284, the Brief Pain Inventory "
					+ "in cancer pain, applied here to the NPRS); checking the item is the clinic's own rule");

	/** Every rule, in the order they apply. */
	public static final List<Rule> ALL = List.of(AVOID, RULED_OUT, LIGHTER, FIRMER, REASSESS, REVIEW, REVIEW_HOME_PLAN,
			CHECK_HOME_ITEM);

	private NextSessionRules() {
	}

	/**
	 * Worse by the minimal important change or more: {@code now - baseline ≥ 2} points.
	 */
	public static boolean importantlyWorse(double baseline, double now) {
		return now - baseline >= MCID_POINTS;
	}

	/**
	 * Better by the minimal important change: 2 points or more, or 30 % or more of the
	 * baseline.
	 */
	public static boolean importantlyBetter(double baseline, double now) {
		double better = baseline - now;
		return better >= MCID_POINTS || (baseline > 0 && better * 100 >= MCID_PERCENT * baseline);
	}

	public static Proposal propose(PlanFacts facts) {
		Set<Rule> fired = new LinkedHashSet<>();
		List<PlannedArea> areas = new ArrayList<>();
		// The feedback rules read the client's latest feedback (and the one before it),
		// wherever it was given: the newest session often has none yet.
		List<SessionFacts> told = facts.sessions().stream().filter(SessionFacts::told).toList();
		SessionFacts latest = told.isEmpty() ? null : told.get(0);
		SessionFacts before = (told.size() < 2) ? null : told.get(1);
		for (TreatedArea last : facts.lastAreas()) {
			PainRegion region = last.region();
			if (latest != null && latest.avoid().contains(region)) {
				fired.add(AVOID);
				continue;
			}
			List<String> why = new ArrayList<>();
			Technique technique = last.technique();
			if (technique != null && facts.ruledOut().containsKey(technique)) {
				fired.add(RULED_OUT);
				why.add(technique.displayName() + " left out: " + facts.ruledOut().get(technique));
				technique = null;
			}
			TreatmentPressure pressure = last.pressure();
			boolean tooFirm = latest != null && latest.on(region) == Verdict.TOO_FIRM;
			boolean sore = latest != null && latest.soreness() != null && latest.soreness() >= SORENESS_LIMIT;
			if ((tooFirm || sore) && pressure != TreatmentPressure.LIGHT) {
				fired.add(LIGHTER);
				pressure = pressure.lighter();
				why.add(lower(pressure) + ": " + (tooFirm ? "the client found it too firm"
						: "sore " + latest.soreness() + "/10 the day after"));
			}
			else if (!tooFirm && !sore && tooLightWithoutSoreness(latest, region)
					&& tooLightWithoutSoreness(before, region)) {
				int room = pressure.compareTo(facts.firmestAllowed());
				if (room == 0 && pressure != TreatmentPressure.FIRM) {
					fired.add(RULED_OUT);
					why.add("stays " + lower(pressure) + ": deep pressure is ruled out for this client");
				}
				else if (room < 0) {
					fired.add(FIRMER);
					pressure = pressure.firmer();
					why.add(lower(pressure) + ": too light at the last two sessions, no soreness");
				}
			}
			if (pressure.compareTo(facts.firmestAllowed()) > 0) {
				fired.add(RULED_OUT);
				pressure = facts.firmestAllowed();
				why.add(lower(pressure) + ": deep pressure is ruled out for this client");
			}
			areas.add(new PlannedArea(region, technique, pressure, why));
		}
		List<Suggestion> suggestions = new ArrayList<>();
		Integer baseline = facts.baselinePain();
		SessionFacts lastHeld = facts.sessions().isEmpty() ? null : facts.sessions().get(0);
		SessionFacts heldBefore = (facts.sessions().size() < 2) ? null : facts.sessions().get(1);
		if (baseline != null && lastHeld != null && heldBefore != null && lastHeld.pain() != null
				&& heldBefore.pain() != null && importantlyWorse(baseline, lastHeld.pain())
				&& importantlyWorse(baseline, heldBefore.pain())) {
			fired.add(REASSESS);
			suggestions.add(new Suggestion(REASSESS.id(), "Reassess: pain " + heldBefore.pain() + " and "
					+ lastHeld.pain() + "/10 at the last two sessions, against " + baseline + "/10 at intake."));
			if (facts.redFlagsSinceBaseline()) {
				suggestions.add(new Suggestion(REASSESS.id(),
						"Refer to a doctor: a later intake answered a red-flag question yes."));
			}
		}
		Integer lastPain = facts.sessions()
			.stream()
			.map(SessionFacts::pain)
			.filter(pain -> pain != null)
			.findFirst()
			.orElse(null);
		if (baseline != null && lastPain != null && facts.initialSessions() != null
				&& facts.sessionsHeld() >= facts.initialSessions() && !importantlyBetter(baseline, lastPain)
				&& !fired.contains(REASSESS)) {
			fired.add(REVIEW);
			suggestions.add(new Suggestion(REVIEW.id(),
					"Review technique and cadence: pain " + lastPain + "/10 after " + facts.sessionsHeld()
							+ " sessions against " + baseline + "/10 at intake, less than an important change."));
		}
		HomeCareRules.Facts home = facts.home();
		if (home.low() && baseline != null && lastPain != null && !importantlyBetter(baseline, lastPain)) {
			fired.add(REVIEW_HOME_PLAN);
			suggestions.add(new Suggestion(REVIEW_HOME_PLAN.id(),
					"Review the home plan with the client: " + home.percent() + " % of the asked home-care days done "
							+ "over the last two weeks, and pain " + lastPain + "/10 against " + baseline
							+ "/10 at intake."));
		}
		Set<String> checked = new java.util.HashSet<>();
		for (HomeCareRules.PainfulItem painful : home.painful()) {
			if (checked.add(painful.item())) {
				fired.add(CHECK_HOME_ITEM);
				suggestions.add(new Suggestion(CHECK_HOME_ITEM.id(), "Check \"" + painful.title()
						+ "\" with the client: pain " + painful.pain() + "/10 during it on " + painful.day() + "."));
			}
		}
		return new Proposal(areas, suggestions, List.copyOf(fired), VERSION);
	}

	/** Said to be too light on the area (or overall) with soreness 0 the day after. */
	private static boolean tooLightWithoutSoreness(SessionFacts session, PainRegion region) {
		return session != null && session.on(region) == Verdict.TOO_LIGHT && session.soreness() != null
				&& session.soreness() == 0;
	}

	private static String lower(TreatmentPressure pressure) {
		return pressure.label().toLowerCase(Locale.ROOT);
	}

}
