package org.backcare.assessment;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.assessment.Examples.officeWorker;

/**
 * Each red flag alone, the ones that need a combination, the age boundaries, and
 * combinations.
 */
class RedFlagScreenTest {

	static Stream<Arguments> eachFlagAlone() {
		return Stream.of(Arguments.of("saddleNumbness", "saddle-numbness", Referral.URGENT),
				Arguments.of("bladderOrBowelDysfunction", "bladder-bowel", Referral.URGENT),
				Arguments.of("legWeaknessOrGaitChange", "leg-weakness", Referral.URGENT),
				Arguments.of("historyOfCancer", "history-of-cancer", Referral.SEE_DOCTOR),
				Arguments.of("unexplainedWeightLoss", "weight-loss", Referral.SEE_DOCTOR),
				Arguments.of("feverOrChills", "fever", Referral.SEE_DOCTOR),
				Arguments.of("immunosuppression", "immunosuppression", Referral.SEE_DOCTOR),
				Arguments.of("intravenousDrugUse", "iv-drug-use", Referral.SEE_DOCTOR),
				Arguments.of("majorTrauma", "major-trauma", Referral.SEE_DOCTOR),
				Arguments.of("constantNightPain", "constant-night-pain", Referral.SEE_DOCTOR));
	}

	@ParameterizedTest(name = "{0} alone → {2}")
	@MethodSource("eachFlagAlone")
	void eachRedFlagAloneRefers(String question, String flag, Referral referral) {
		Assessment assessment = officeWorker().yes(question).assessedAt(35);
		assertThat(assessment.referral()).isEqualTo(referral);
		assertThat(assessment.redFlags()).extracting(Finding::code).containsExactly(flag);
		assertThat(assessment.redFlags().get(0).source()).isNotBlank();
		assertThat(assessment.referralAdvice()).isNotBlank();
	}

	@Test
	void noFlagsNoReferral() {
		Assessment assessment = officeWorker().assessedAt(35);
		assertThat(assessment.referral()).isEqualTo(Referral.NONE);
		assertThat(assessment.redFlags()).isEmpty();
		assertThat(assessment.referralAdvice()).isEmpty();
	}

	@Test
	void minorTraumaAloneIsNoFlag_butWithOsteoporosisOrLongTermSteroidsItIs() {
		assertThat(officeWorker().yes("minorTrauma").assessedAt(35).referral()).isEqualTo(Referral.NONE);
		assertThat(officeWorker().yes("longTermSteroids").assessedAt(35).referral()).isEqualTo(Referral.NONE);
		assertThat(officeWorker().yes("minorTrauma", "osteoporosis").assessedAt(35).redFlags())
			.extracting(Finding::code)
			.containsExactly("minor-trauma-fragile-bone");
		assertThat(officeWorker().yes("minorTrauma", "longTermSteroids").assessedAt(35).referral())
			.isEqualTo(Referral.SEE_DOCTOR);
	}

	@Test
	void aFirstEpisodeRefersFrom51AndUpTo19_notAt50Or20() {
		assertThat(officeWorker().yes("firstEpisode").assessedAt(50).referral()).isEqualTo(Referral.NONE);
		assertThat(officeWorker().yes("firstEpisode").assessedAt(51).redFlags()).extracting(Finding::code)
			.containsExactly("new-onset-over-50");
		assertThat(officeWorker().yes("firstEpisode").assessedAt(20).referral()).isEqualTo(Referral.NONE);
		assertThat(officeWorker().yes("firstEpisode").assessedAt(19).redFlags()).extracting(Finding::code)
			.containsExactly("new-onset-under-20");
	}

	@Test
	void ageAloneIsNoFlagWhenThePainIsNotNew() {
		assertThat(officeWorker().assessedAt(75).referral()).isEqualTo(Referral.NONE);
		assertThat(officeWorker().assessedAt(17).referral()).isEqualTo(Referral.NONE);
	}

	@Test
	void anUrgentFlagOutranksOtherFlags_andTheAdviceSpeaksOfTheEmergency() {
		Assessment assessment = officeWorker().yes("historyOfCancer", "saddleNumbness", "feverOrChills").assessedAt(60);
		assertThat(assessment.referral()).isEqualTo(Referral.URGENT);
		assertThat(assessment.redFlags()).extracting(Finding::code)
			.containsExactly("saddle-numbness", "history-of-cancer", "fever");
		assertThat(assessment.referralAdvice()).contains("emergency").contains("numbness around your bottom");
	}

	@Test
	void severalReferralFlagsAreAllNamedToTheClient() {
		Assessment assessment = officeWorker().yes("unexplainedWeightLoss", "constantNightPain").assessedAt(40);
		assertThat(assessment.referral()).isEqualTo(Referral.SEE_DOCTOR);
		assertThat(assessment.referralAdvice()).contains("weight loss")
			.contains("constant pain at night")
			.contains("see your doctor");
	}

	@Test
	void everyFlagNamesItsSource() {
		assertThat(RedFlagScreen.FLAGS).allSatisfy(flag -> assertThat(flag.source()).containsAnyOf("NICE", "AHCPR"));
	}

}
