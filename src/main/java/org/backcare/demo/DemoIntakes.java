package org.backcare.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backcare.assessment.Cause;
import org.backcare.assessment.GenderPreference;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.IntakeAnswers.ContraindicationAnswers;
import org.backcare.assessment.IntakeAnswers.Goals;
import org.backcare.assessment.IntakeAnswers.PainMap;
import org.backcare.assessment.IntakeAnswers.PainRatings;
import org.backcare.assessment.IntakeAnswers.RedFlagAnswers;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.PainDuration;
import org.backcare.assessment.PainRegion;
import org.backcare.assessment.Pressure;
import org.backcare.assessment.StartBack;

/**
 * Three demo clients' intakes, one of each kind the front desk meets: a fresh lifting
 * strain (ready to book), long-standing pain with blood thinners (a caution that rules
 * out deep pressure) and a history of cancer (a referral waiting for a doctor's
 * all-clear).
 */
final class DemoIntakes {

	private DemoIntakes() {
	}

	static IntakeAnswers liftingStrain() {
		return answers(Map.of(PainRegion.LOWER_BACK_RIGHT, 7, PainRegion.SACRUM_BUTTOCKS, 4), new PainRatings(6, 5, 8),
				PainDuration.ACUTE, EnumSet.of(Cause.LIFTING_OR_SPORTS_INJURY), "Get back to bouldering twice a week",
				Pressure.FIRM, agree(1, 3, 4), StartBack.Bothersomeness.MODERATELY,
				sections(2, 2, 3, 1, 2, 2, 1, null, 2, 1), Set.of(), Set.of());
	}

	static IntakeAnswers chronicOnBloodThinners() {
		return answers(
				Map.of(PainRegion.UPPER_BACK, 5, PainRegion.MID_BACK, 6, PainRegion.NECK, 4, PainRegion.SHOULDER_RIGHT,
						5),
				new PainRatings(5, 6, 8), PainDuration.CHRONIC,
				EnumSet.of(Cause.POSTURE, Cause.PROLONGED_SITTING, Cause.STRESS),
				"Work a full day at the desk without pain", Pressure.MEDIUM, agree(2, 3, 4, 6, 7, 8),
				StartBack.Bothersomeness.VERY_MUCH, sections(3, 1, 2, 1, 3, 2, 2, 1, 2, 2), Set.of(),
				Set.of("anticoagulantsOrBleedingDisorder"));
	}

	static IntakeAnswers historyOfCancer() {
		return answers(Map.of(PainRegion.MID_BACK, 6, PainRegion.LOWER_BACK_LEFT, 5, PainRegion.LOWER_BACK_RIGHT, 5),
				new PainRatings(4, 5, 7), PainDuration.SUBACUTE, EnumSet.of(Cause.ACTIVITY_CHANGE),
				"Walk the dog for an hour again", Pressure.LIGHT, agree(3), StartBack.Bothersomeness.MODERATELY,
				sections(2, 1, 2, 2, 1, 2, 2, null, 1, 1), Set.of("historyOfCancer"), Set.of());
	}

	static IntakeAnswers answers(Map<PainRegion, Integer> regions, PainRatings pain, PainDuration duration,
			Set<Cause> causes, String goal, Pressure pressure, List<Boolean> agree, StartBack.Bothersomeness bothersome,
			List<Integer> sections, Set<String> redFlags, Set<String> contraindications) {
		return new IntakeAnswers(new PainMap(regions, false, false), pain, duration, causes,
				new Goals(goal, pressure, GenderPreference.NO_PREFERENCE, null),
				new StartBack.Answers(agree, bothersome), new Oswestry.Answers(sections),
				new RedFlagAnswers(false, false, false, redFlags.contains("historyOfCancer"), false, false, false,
						false, false, false, false, false, false),
				new ContraindicationAnswers(false, false, false, false,
						contraindications.contains("anticoagulantsOrBleedingDisorder"), false, false),
				null);
	}

	static List<Boolean> agree(int... items) {
		List<Boolean> agree = new ArrayList<>(List.of(false, false, false, false, false, false, false, false));
		for (int item : items) {
			agree.set(item - 1, true);
		}
		return agree;
	}

	private static List<Integer> sections(Integer... answers) {
		return Arrays.asList(answers);
	}

}
