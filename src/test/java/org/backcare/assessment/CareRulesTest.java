package org.backcare.assessment;

import org.backcare.therapist.Technique;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.assessment.Examples.officeWorker;

/**
 * The recommendation: which rules fire, in which order techniques come, and what
 * contraindications remove.
 */
class CareRulesTest {

	@Test
	void tensionFromSittingSuggestsSwedishThenTriggerPoint_withPostureAtHome() {
		Recommendation care = officeWorker().assessedAt(35).recommendation();
		assertThat(care.techniqueList()).containsExactly(Technique.SWEDISH, Technique.TRIGGER_POINT);
		assertThat(care.techniques().get(0).reasons()).anyMatch(reason -> reason.contains("sitting"));
		assertThat(care.homeCare()).extracting(Recommendation.HomeCare::theme).contains(HomeCareTheme.POSTURE);
		assertThat(care.fired()).extracting(Recommendation.FiredRule::id)
			.contains("tension-from-sitting", "phase-acute");
	}

	@Test
	void chronicPainAddsDeepTissueAndMyofascialRelease_andSaysGuidelinesFavourExercise() {
		Recommendation care = officeWorker().duration(PainDuration.CHRONIC).assessedAt(35).recommendation();
		assertThat(care.techniqueList()).containsExactly(Technique.SWEDISH, Technique.TRIGGER_POINT,
				Technique.DEEP_TISSUE, Technique.MYOFASCIAL_RELEASE);
		assertThat(care.combinedCare()).anyMatch(note -> note.contains("NICE NG59") && note.contains("exercise"));
		assertThat(care.homeCare()).extracting(Recommendation.HomeCare::theme).contains(HomeCareTheme.EXERCISE);
		assertThat(care.phase().initialSessions()).isEqualTo(8);
		assertThat(care.phase().maintenanceEveryWeeks()).isEqualTo(4);
	}

	@Test
	void anticoagulantsRuleOutDeepTissueAndTriggerPoint_whichAreNeverRecommended() {
		Assessment assessment = officeWorker().duration(PainDuration.CHRONIC)
			.yes("anticoagulantsOrBleedingDisorder")
			.assessedAt(35);
		assertThat(assessment.caution()).isTrue();
		assertThat(assessment.restricted()).containsOnlyKeys(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT);
		assertThat(assessment.recommendation().techniqueList()).containsExactly(Technique.SWEDISH,
				Technique.MYOFASCIAL_RELEASE);
		assertThat(assessment.recommendation().excluded()).extracting(Recommendation.Excluded::technique)
			.containsExactlyInAnyOrder(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT);
	}

	@Test
	void osteoporosisRulesOutDeepPressure() {
		Assessment assessment = officeWorker().yes("osteoporosis").assessedAt(60);
		assertThat(assessment.recommendation().techniqueList()).containsExactly(Technique.SWEDISH);
		assertThat(assessment.cautions()).extracting(Finding::code).containsExactly("osteoporosis");
	}

	@Test
	void pregnancyRulesOutDeepTissueOnly() {
		Assessment assessment = officeWorker().duration(PainDuration.CHRONIC).yes("pregnancy").assessedAt(30);
		assertThat(assessment.restricted()).containsOnlyKeys(Technique.DEEP_TISSUE);
		assertThat(assessment.recommendation().techniqueList()).doesNotContain(Technique.DEEP_TISSUE)
			.contains(Technique.TRIGGER_POINT);
	}

	@Test
	void whenEverySuggestedTechniqueIsRuledOut_aGentleSwedishStartIsProposed() {
		Assessment assessment = officeWorker().causes(Cause.REPETITIVE_MOVEMENT)
			.duration(PainDuration.SUBACUTE)
			.yes("anticoagulantsOrBleedingDisorder")
			.assessedAt(40);
		// Repetitive strain suggests trigger point (ruled out) and myofascial release
		// (allowed).
		assertThat(assessment.recommendation().techniqueList()).containsExactly(Technique.MYOFASCIAL_RELEASE);
		Assessment onlyRuledOut = officeWorker().causes(Cause.LIFTING_OR_SPORTS_INJURY)
			.duration(PainDuration.SUBACUTE)
			.yes("osteoporosis")
			.assessedAt(40);
		assertThat(onlyRuledOut.recommendation().techniqueList()).containsExactly(Technique.SWEDISH);
		assertThat(onlyRuledOut.recommendation().fired()).extracting(Recommendation.FiredRule::id)
			.contains("settled-strain", "general-start");
	}

	@Test
	void noCauseGivenStartsWithGentleSwedish() {
		Recommendation care = officeWorker().causes().assessedAt(35).recommendation();
		assertThat(care.techniqueList()).containsExactly(Technique.SWEDISH);
		assertThat(care.fired()).extracting(Recommendation.FiredRule::id).contains("general-start");
	}

	@Test
	void highStartBackRiskRecommendsCombinedCareAndSaysWhy() {
		Recommendation care = officeWorker().startBack(StartBack.Bothersomeness.EXTREMELY, 5, 6, 7)
			.assessedAt(35)
			.recommendation();
		assertThat(care.combinedCare())
			.anyMatch(note -> note.contains("physiotherapist") && note.contains("STarT Back"));
		assertThat(care.fired()).extracting(Recommendation.FiredRule::id).contains("startback-high");
	}

	@Test
	void mediumRiskSuggestsPhysiotherapyExercise_lowRiskNothingExtra() {
		assertThat(officeWorker().startBack(StartBack.Bothersomeness.NOT_AT_ALL, 1, 2, 3, 4)
			.assessedAt(35)
			.recommendation()
			.fired()).extracting(Recommendation.FiredRule::id).contains("startback-medium");
		assertThat(officeWorker().assessedAt(35).recommendation().fired()).extracting(Recommendation.FiredRule::id)
			.doesNotContain("startback-medium", "startback-high");
	}

	@Test
	void aBodyMassIndexOf30AddsWeightToHomeCare_29point9DoesNot() {
		// 180 cm: 97.2 kg is a BMI of 30.0, 96.9 kg one of 29.9.
		assertThat(officeWorker().body(180, 97.2).assessedAt(35).recommendation().homeCare())
			.extracting(Recommendation.HomeCare::theme)
			.contains(HomeCareTheme.WEIGHT);
		assertThat(officeWorker().body(180, 96.9).assessedAt(35).recommendation().homeCare())
			.extracting(Recommendation.HomeCare::theme)
			.doesNotContain(HomeCareTheme.WEIGHT);
		assertThat(officeWorker().assessedAt(35).recommendation().homeCare()).extracting(Recommendation.HomeCare::theme)
			.doesNotContain(HomeCareTheme.WEIGHT);
	}

	@Test
	void theFirstPhaseFollowsHowLongThePainHasLasted() {
		assertThat(officeWorker().duration(PainDuration.ACUTE).assessedAt(35).recommendation().phase().describe())
			.isEqualTo("weekly × 4, then as needed");
		assertThat(officeWorker().duration(PainDuration.SUBACUTE).assessedAt(35).recommendation().phase().describe())
			.isEqualTo("weekly × 6, then every 6 weeks");
		assertThat(officeWorker().duration(PainDuration.CHRONIC).assessedAt(35).recommendation().phase().describe())
			.isEqualTo("weekly × 8, then every 4 weeks");
	}

	@Test
	void durationCategoriesChangeAtSixAndAfterTwelveWeeks() {
		assertThat(PainDuration.ofWeeks(5)).isEqualTo(PainDuration.ACUTE);
		assertThat(PainDuration.ofWeeks(6)).isEqualTo(PainDuration.SUBACUTE);
		assertThat(PainDuration.ofWeeks(12)).isEqualTo(PainDuration.SUBACUTE);
		assertThat(PainDuration.ofWeeks(13)).isEqualTo(PainDuration.CHRONIC);
	}

	@Test
	void legSymptomsWithoutRedFlagsAdviseADoctorIfTheyPersist() {
		Recommendation care = officeWorker().legSymptoms().assessedAt(35).recommendation();
		assertThat(care.combinedCare()).anyMatch(note -> note.contains("nerve"));
	}

	@Test
	void everyRuleNamesItsSourceAndTheTableShowsThemAll() {
		assertThat(CareRules.RULES).allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
		assertThat(CareRules.table()).hasSameSizeAs(CareRules.RULES);
		assertThat(ContraindicationScreen.RULES).allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
	}

}
