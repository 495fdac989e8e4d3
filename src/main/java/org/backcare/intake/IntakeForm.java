package org.backcare.intake;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.backcare.assessment.Cause;
import org.backcare.assessment.GenderPreference;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.IntakeAnswers.Body;
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
 * The questionnaire as the browser sends it, one field per input, bound by Spring's data
 * binder (which turns text into numbers and choices, and reports what it cannot read).
 * {@link #answers()} turns it into the same {@link IntakeAnswers} the API takes, so one
 * set of constraints validates both. What the form means by its inputs is said here: a
 * region left at 0 does not hurt, an unticked box means no, and ten numbered Oswestry
 * sections are its ten answers.
 */
final class IntakeForm {

	/**
	 * Whose intake: the front desk chooses; a client's own is theirs whatever this says.
	 */
	UUID client;

	/** The form's own key: a double submit stores one intake. */
	String requestKey;

	/**
	 * 0 (no pain) to 10 for each region, by region: inputs {@code pain[LOWER_BACK_LEFT]}.
	 */
	Map<PainRegion, Integer> pain = new EnumMap<>(PainRegion.class);

	boolean radiatingLegPain;

	boolean numbnessOrTingling;

	Integer painNow;

	Integer painAverage;

	Integer painWorst;

	PainDuration duration;

	Set<Cause> causes = EnumSet.noneOf(Cause.class);

	Boolean saddleNumbness, bladderOrBowelDysfunction, legWeaknessOrGaitChange, historyOfCancer, unexplainedWeightLoss,
			feverOrChills, immunosuppression, intravenousDrugUse, majorTrauma, minorTrauma, longTermSteroids,
			constantNightPain, firstEpisode;

	Boolean suspectedDvt, recentFracture, osteoporosis, skinProblemInArea, anticoagulantsOrBleedingDisorder, pregnancy,
			activeCancerTreatment;

	Integer heightCm;

	Double weightKg;

	Boolean startBack1, startBack2, startBack3, startBack4, startBack5, startBack6, startBack7, startBack8;

	StartBack.Bothersomeness startBack9;

	Integer odi1, odi2, odi3, odi4, odi5, odi6, odi7, odi8, odi9, odi10;

	String wantToDoAgain;

	Pressure pressure;

	GenderPreference therapistGender;

	String language;

	IntakeAnswers answers() {
		Map<PainRegion, Integer> regions = new EnumMap<>(PainRegion.class);
		this.pain.forEach((region, level) -> {
			if (level != null && level != 0) {
				regions.put(region, level);
			}
		});
		return new IntakeAnswers(new PainMap(regions, this.radiatingLegPain, this.numbnessOrTingling),
				new PainRatings(this.painNow, this.painAverage, this.painWorst), this.duration, causes(),
				new Goals(text(this.wantToDoAgain), this.pressure, this.therapistGender, text(this.language)),
				new StartBack.Answers(Arrays.asList(this.startBack1, this.startBack2, this.startBack3, this.startBack4,
						this.startBack5, this.startBack6, this.startBack7, this.startBack8), this.startBack9),
				new Oswestry.Answers(Arrays.asList(this.odi1, this.odi2, this.odi3, this.odi4, this.odi5, this.odi6,
						this.odi7, this.odi8, this.odi9, this.odi10)),
				new RedFlagAnswers(this.saddleNumbness, this.bladderOrBowelDysfunction, this.legWeaknessOrGaitChange,
						this.historyOfCancer, this.unexplainedWeightLoss, this.feverOrChills, this.immunosuppression,
						this.intravenousDrugUse, this.majorTrauma, this.minorTrauma, this.longTermSteroids,
						this.constantNightPain, this.firstEpisode),
				new ContraindicationAnswers(this.suspectedDvt, this.recentFracture, this.osteoporosis,
						this.skinProblemInArea, this.anticoagulantsOrBleedingDisorder, this.pregnancy,
						this.activeCancerTreatment),
				(this.heightCm == null && this.weightKg == null) ? null : new Body(this.heightCm, this.weightKg));
	}

	private Set<Cause> causes() {
		Set<Cause> chosen = EnumSet.noneOf(Cause.class);
		this.causes.stream().filter(Objects::nonNull).forEach(chosen::add);
		return chosen;
	}

	/** Text as typed, trimmed; nothing typed is no answer. */
	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
