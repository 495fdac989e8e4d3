package org.backcare.assessment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.backcare.assessment.IntakeAnswers.PainRatings;
import org.backcare.therapist.Technique;

/**
 * What BackCare makes of an intake: the instrument scores, the screens' findings, whether
 * a doctor must be seen first, the techniques ruled out, and the recommended care.
 * Computed once, when the intake is submitted, and stored with the rule and instrument
 * versions it was made with, so a later change of rules never silently rewrites an
 * earlier assessment.
 */
public record Assessment(String rulesVersion, int ageAtIntake, PainDuration duration, PainRatings pain,
		String painVersion, StartBack.Score startBack, Oswestry.Score oswestry, Double bodyMassIndex, Referral referral,
		List<Finding> redFlags, List<Finding> cautions, Map<Technique, String> restricted,
		Recommendation recommendation) {

	/** Assesses answers given by a client of the given age. */
	public static Assessment of(IntakeAnswers answers, int age) {
		List<Finding> redFlags = RedFlagScreen.screen(answers.redFlags(), answers.contraindications(), age);
		List<Finding> cautions = ContraindicationScreen.screen(answers.contraindications(), answers.redFlags());
		Map<Technique, String> restricted = ContraindicationScreen.restrictions(answers.contraindications(),
				answers.redFlags());
		StartBack.Score startBack = StartBack.score(answers.startBack());
		Double bmi = (answers.body() != null) ? Math.round(answers.body().massIndex() * 10) / 10.0 : null;
		Referral referral = RedFlagScreen.referral(redFlags);
		Recommendation recommendation = CareRules.recommend(new CareRules.Facts(answers, startBack, bmi), restricted);
		return new Assessment(CareRules.VERSION, age, answers.duration(), answers.pain(), PainRatings.VERSION,
				startBack, Oswestry.score(answers.oswestry()), bmi, referral, redFlags, cautions, restricted,
				recommendation);
	}

	public boolean caution() {
		return !this.cautions.isEmpty();
	}

	/**
	 * What the client is told to do, in plain words, when the screen asks for a doctor
	 * first.
	 */
	public String referralAdvice() {
		String reasons = this.redFlags.stream()
			.filter(flag -> this.referral != Referral.URGENT || flag.severity() == Finding.Severity.URGENT_REFERRAL)
			.map(Finding::forClient)
			.collect(Collectors.joining("; "));
		return switch (this.referral) {
			case NONE -> "";
			case URGENT -> "You told us about " + reasons + ". Together with back pain, this can be a sign of pressure "
					+ "on the nerves at the base of the spine (cauda equina syndrome). That is rare, but it is an "
					+ "emergency: please go to an emergency department today, or call your emergency number (112 in "
					+ "Europe, 999 in the UK, 911 in North America). Please do not wait for a massage appointment.";
			case SEE_DOCTOR -> "You told us about " + reasons + ". With back pain, this means a doctor should check "
					+ "you before you have massage. Usually nothing serious is found, but it matters to be sure. "
					+ "Please see your doctor within the next few days and mention these answers. When a doctor has "
					+ "said massage is fine, tell the clinic: they will record it, and you can then book online.";
		};
	}

}
