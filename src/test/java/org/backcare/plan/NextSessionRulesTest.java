package org.backcare.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backcare.assessment.PainRegion;
import org.backcare.notes.TreatedArea;
import org.backcare.notes.TreatmentPressure;
import org.backcare.homecare.HomeCareRules;
import org.backcare.plan.PlanFacts.SessionFacts;
import org.backcare.plan.PlanFacts.Verdict;
import org.backcare.plan.Proposal.PlannedArea;
import org.backcare.therapist.Technique;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the next session's proposal at its boundary: soreness 5 / 6, too light
 * once / twice and soreness 0 / 1, the minimal important change 1.9 / 2.0 points and 29 %
 * / 30 %, never a contraindicated technique or pressure, never an avoided area.
 */
class NextSessionRulesTest {

	static final TreatedArea LOWER_LEFT = new TreatedArea(PainRegion.LOWER_BACK_LEFT, Technique.DEEP_TISSUE,
			TreatmentPressure.FIRM);

	static final TreatedArea UPPER = new TreatedArea(PainRegion.UPPER_BACK, Technique.SWEDISH,
			TreatmentPressure.MEDIUM);

	@Test
	void sorenessOf5TheDayAfterChangesNothing_6MakesEveryAreaOneStepLighter() {
		assertThat(pressures(propose(session(null, 5)))).containsExactly(TreatmentPressure.FIRM,
				TreatmentPressure.MEDIUM);
		Proposal sore = propose(session(null, 6));
		assertThat(pressures(sore)).containsExactly(TreatmentPressure.MEDIUM, TreatmentPressure.LIGHT);
		assertThat(sore.fired()).containsExactly(NextSessionRules.LIGHTER);
		assertThat(sore.areas().get(0).why()).containsExactly("medium: sore 6/10 the day after");
	}

	@Test
	void tooFirmOnOneAreaMakesThatAreaLighter_andLightStaysLight() {
		SessionFacts tooFirm = new SessionFacts(null, Map.of(PainRegion.LOWER_BACK_LEFT, Verdict.TOO_FIRM), 2, null,
				Set.of());
		assertThat(pressures(propose(tooFirm))).containsExactly(TreatmentPressure.MEDIUM, TreatmentPressure.MEDIUM);
		TreatedArea light = new TreatedArea(PainRegion.NECK, null, TreatmentPressure.LIGHT);
		Proposal stays = NextSessionRules.propose(facts(List.of(light),
				List.of(new SessionFacts(Verdict.TOO_FIRM, Map.of(), null, null, Set.of())), Map.of()));
		assertThat(pressures(stays)).containsExactly(TreatmentPressure.LIGHT);
	}

	@Test
	void tooLightTwiceWithoutSorenessGoesOneStepFirmer_onceOrWithSorenessOf1DoesNot() {
		SessionFacts light0 = session(Verdict.TOO_LIGHT, 0);
		Proposal twice = NextSessionRules.propose(facts(List.of(UPPER), List.of(light0, light0), Map.of()));
		assertThat(pressures(twice)).containsExactly(TreatmentPressure.FIRM);
		assertThat(twice.fired()).containsExactly(NextSessionRules.FIRMER);
		assertThat(pressures(NextSessionRules.propose(facts(List.of(UPPER), List.of(light0), Map.of()))))
			.containsExactly(TreatmentPressure.MEDIUM);
		assertThat(pressures(NextSessionRules
			.propose(facts(List.of(UPPER), List.of(light0, session(Verdict.TOO_LIGHT, 1)), Map.of()))))
			.containsExactly(TreatmentPressure.MEDIUM);
		assertThat(pressures(NextSessionRules
			.propose(facts(List.of(UPPER), List.of(light0, session(Verdict.TOO_LIGHT, null)), Map.of()))))
			.as("soreness not said is not no soreness")
			.containsExactly(TreatmentPressure.MEDIUM);
	}

	@Test
	void neverPastWhatTheIntakeAllows_andNeverARuledOutTechnique() {
		Map<Technique, String> deepRuledOut = Map.of(Technique.DEEP_TISSUE, "blood thinners: no deep pressure");
		SessionFacts light0 = session(Verdict.TOO_LIGHT, 0);
		Proposal capped = NextSessionRules.propose(facts(List.of(UPPER), List.of(light0, light0), deepRuledOut));
		assertThat(pressures(capped)).containsExactly(TreatmentPressure.MEDIUM);
		assertThat(capped.fired()).containsExactly(NextSessionRules.RULED_OUT);
		Proposal lower = NextSessionRules.propose(facts(List.of(LOWER_LEFT), List.of(), deepRuledOut));
		PlannedArea area = lower.areas().get(0);
		assertThat(area.technique()).isNull();
		assertThat(area.pressure()).isEqualTo(TreatmentPressure.MEDIUM);
		assertThat(area.why()).contains("Deep tissue massage left out: blood thinners: no deep pressure");
	}

	@Test
	void anAreaTheClientAskedToAvoidIsNotPlanned() {
		Proposal avoided = NextSessionRules.propose(facts(List.of(LOWER_LEFT, UPPER),
				List.of(new SessionFacts(null, Map.of(), null, null, Set.of(PainRegion.UPPER_BACK))), Map.of()));
		assertThat(avoided.areas()).extracting(PlannedArea::region).containsExactly(PainRegion.LOWER_BACK_LEFT);
		assertThat(avoided.fired()).containsExactly(NextSessionRules.AVOID);
	}

	@Test
	void theLatestFeedbackCountsEvenWhenTheLatestSessionHasNoneYet() {
		SessionFacts noFeedbackYet = new SessionFacts(null, Map.of(), null, 5, Set.of());
		SessionFacts toldAvoid = new SessionFacts(Verdict.TOO_FIRM, Map.of(), 2, null, Set.of(PainRegion.UPPER_BACK));
		Proposal proposal = NextSessionRules
			.propose(facts(List.of(LOWER_LEFT, UPPER), List.of(noFeedbackYet, toldAvoid), Map.of()));
		assertThat(proposal.areas()).extracting(PlannedArea::region).containsExactly(PainRegion.LOWER_BACK_LEFT);
		assertThat(pressures(proposal)).containsExactly(TreatmentPressure.MEDIUM);
	}

	@Test
	void firmCappedByTheIntakeGivesOneReason() {
		SessionFacts light0 = session(Verdict.TOO_LIGHT, 0);
		Proposal capped = NextSessionRules.propose(
				facts(List.of(LOWER_LEFT), List.of(light0, light0), Map.of(Technique.TRIGGER_POINT, "blood thinners")));
		assertThat(capped.areas().get(0).why()).containsExactly("medium: deep pressure is ruled out for this client");
	}

	@Test
	void theMinimalImportantChangeIs2PointsOr30Percent() {
		assertThat(NextSessionRules.importantlyWorse(5.0, 6.9)).isFalse();
		assertThat(NextSessionRules.importantlyWorse(5.0, 7.0)).isTrue();
		assertThat(NextSessionRules.importantlyBetter(10.0, 8.1)).as("1.9 points, 19 %").isFalse();
		assertThat(NextSessionRules.importantlyBetter(10.0, 8.0)).as("2.0 points").isTrue();
		assertThat(NextSessionRules.importantlyBetter(5.0, 3.55)).as("29 %").isFalse();
		assertThat(NextSessionRules.importantlyBetter(5.0, 3.5)).as("30 %").isTrue();
	}

	@Test
	void painWorseByTheMinimalImportantChangeAtTwoSessionsRunningAsksForReassessment_andReferralWithNewRedFlags() {
		SessionFacts six = session(null, null, 6);
		assertThat(NextSessionRules.propose(withPain(4, List.of(six, six), false)).suggestions())
			.extracting(Proposal.Suggestion::rule)
			.containsExactly("reassess-when-worse");
		assertThat(NextSessionRules.propose(withPain(4, List.of(six, session(null, null, 5)), false)).suggestions())
			.isEmpty();
		assertThat(NextSessionRules.propose(withPain(4, List.of(six, six), true)).suggestions())
			.extracting(Proposal.Suggestion::text)
			.anyMatch(text -> text.startsWith("Refer to a doctor"));
	}

	@Test
	void noImportantImprovementByTheEndOfTheInitialPhaseAsksToReviewTechniqueAndCadence() {
		PlanFacts held4 = new PlanFacts(List.of(UPPER), List.of(session(null, null, 5)), 6, 4, 4, Map.of(), false);
		assertThat(NextSessionRules.propose(held4).fired()).containsExactly(NextSessionRules.REVIEW);
		PlanFacts better = new PlanFacts(List.of(UPPER), List.of(session(null, null, 4)), 6, 4, 4, Map.of(), false);
		assertThat(NextSessionRules.propose(better).fired()).isEmpty();
		PlanFacts early = new PlanFacts(List.of(UPPER), List.of(session(null, null, 5)), 6, 3, 4, Map.of(), false);
		assertThat(NextSessionRules.propose(early).fired()).isEmpty();
	}

	@Test
	void homeCareDoneOnLessThanHalfTheDays_withoutImportantImprovement_asksToReviewTheHomePlan() {
		// Pain 5 against 6 at intake (not an important change), held 2 of 6 sessions.
		assertThat(NextSessionRules.propose(withHome(6, 5, 49, List.of())).fired())
			.containsExactly(NextSessionRules.REVIEW_HOME_PLAN);
		assertThat(NextSessionRules.propose(withHome(6, 5, 50, List.of())).fired()).as("50 % is not low").isEmpty();
		assertThat(NextSessionRules.propose(withHome(6, 4, 20, List.of())).fired())
			.as("an important improvement (2 points): no review")
			.isEmpty();
		assertThat(NextSessionRules.propose(withHome(6, 5, null, List.of())).fired()).as("no plan").isEmpty();
		assertThat(NextSessionRules.propose(withHome(6, 5, 10, List.of())).suggestions())
			.extracting(Proposal.Suggestion::text)
			.containsExactly("Review the home plan with the client: 10 % of the asked home-care days done over the "
					+ "last two weeks, and pain 5/10 against 6/10 at intake.");
	}

	@Test
	void severePainDuringAnItemAsksToCheckThatItem_onceAnItem() {
		java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 1);
		List<HomeCareRules.PainfulItem> painful = List.of(new HomeCareRules.PainfulItem("heat", "Heat pack", 8, day),
				new HomeCareRules.PainfulItem("heat", "Heat pack", 7, day.plusDays(1)),
				new HomeCareRules.PainfulItem("walk", "Walk", 7, day));
		assertThat(NextSessionRules.propose(withHome(6, 3, 90, painful)).suggestions())
			.extracting(Proposal.Suggestion::text)
			.containsExactly("Check \"Heat pack\" with the client: pain 8/10 during it on 2026-12-01.",
					"Check \"Walk\" with the client: pain 7/10 during it on 2026-12-01.");
	}

	private static PlanFacts withHome(int baseline, int lastPain, Integer percent,
			List<HomeCareRules.PainfulItem> painful) {
		return new PlanFacts(List.of(UPPER), List.of(session(null, null, lastPain)), baseline, 2, 6, Map.of(), false,
				new HomeCareRules.Facts(percent, painful));
	}

	@Test
	void everyRuleNamesItsSource() {
		assertThat(NextSessionRules.ALL).allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
	}

	private static PlanFacts withPain(int baseline, List<SessionFacts> sessions, boolean redFlags) {
		return new PlanFacts(List.of(UPPER), sessions, baseline, 2, 6, Map.of(), redFlags);
	}

	private static Proposal propose(SessionFacts latest) {
		return NextSessionRules.propose(facts(List.of(LOWER_LEFT, UPPER), List.of(latest), Map.of()));
	}

	private static PlanFacts facts(List<TreatedArea> areas, List<SessionFacts> sessions,
			Map<Technique, String> ruledOut) {
		return new PlanFacts(areas, sessions, null, sessions.size(), null, ruledOut, false);
	}

	private static SessionFacts session(Verdict overall, Integer soreness) {
		return session(overall, soreness, null);
	}

	private static SessionFacts session(Verdict overall, Integer soreness, Integer pain) {
		return new SessionFacts(overall, Map.of(), soreness, pain, Set.of());
	}

	private static List<TreatmentPressure> pressures(Proposal proposal) {
		return proposal.areas().stream().map(PlannedArea::pressure).toList();
	}

}
