package org.backcare.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backcare.assessment.IntakeAnswers.Body;
import org.backcare.assessment.IntakeAnswers.ContraindicationAnswers;
import org.backcare.assessment.IntakeAnswers.Goals;
import org.backcare.assessment.IntakeAnswers.PainMap;
import org.backcare.assessment.IntakeAnswers.PainRatings;
import org.backcare.assessment.IntakeAnswers.RedFlagAnswers;

/**
 * Intake answers for tests: an office worker with two weeks of lower back pain from
 * sitting and nothing alarming, changed field by field for each case.
 */
public final class Examples {

	Map<PainRegion, Integer> regions = new EnumMap<>(
			Map.of(PainRegion.LOWER_BACK_LEFT, 6, PainRegion.LOWER_BACK_RIGHT, 4));

	boolean radiating;

	boolean numbness;

	PainDuration duration = PainDuration.ACUTE;

	Set<Cause> causes = EnumSet.of(Cause.PROLONGED_SITTING);

	List<Boolean> startBack = new ArrayList<>(List.of(false, false, true, false, false, false, false, false));

	StartBack.Bothersomeness bothersome = StartBack.Bothersomeness.MODERATELY;

	List<Integer> odi = new ArrayList<>(Arrays.asList(2, 1, 2, 1, 2, 1, 1, null, 1, 1));

	/** Red-flag answers by name; all false unless set. */
	final Set<String> yes = new HashSet<>();

	Body body;

	public static Examples officeWorker() {
		return new Examples();
	}

	public Examples duration(PainDuration duration) {
		this.duration = duration;
		return this;
	}

	public Examples causes(Cause... causes) {
		this.causes = causes.length == 0 ? EnumSet.noneOf(Cause.class) : EnumSet.copyOf(List.of(causes));
		return this;
	}

	/** Answers "yes" to the named red-flag or contraindication questions. */
	public Examples yes(String... questions) {
		this.yes.addAll(List.of(questions));
		return this;
	}

	public Examples startBack(StartBack.Bothersomeness bothersome, int... agreeItems) {
		this.bothersome = bothersome;
		for (int i = 0; i < 8; i++) {
			this.startBack.set(i, false);
		}
		for (int item : agreeItems) {
			this.startBack.set(item - 1, true);
		}
		return this;
	}

	public Examples body(int heightCm, double weightKg) {
		this.body = new Body(heightCm, weightKg);
		return this;
	}

	public Examples numbness() {
		this.numbness = true;
		return this;
	}

	public Examples legSymptoms() {
		this.radiating = true;
		return this;
	}

	private boolean y(String name) {
		return this.yes.contains(name);
	}

	public IntakeAnswers answers() {
		return new IntakeAnswers(new PainMap(this.regions, this.radiating, this.numbness), new PainRatings(5, 4, 7),
				this.duration, this.causes, new Goals("Sit through a working day without pain", Pressure.MEDIUM,
						GenderPreference.NO_PREFERENCE, "de"),
				new StartBack.Answers(this.startBack, this.bothersome), new Oswestry.Answers(this.odi),
				new RedFlagAnswers(y("saddleNumbness"), y("bladderOrBowelDysfunction"), y("legWeaknessOrGaitChange"),
						y("historyOfCancer"), y("unexplainedWeightLoss"), y("feverOrChills"), y("immunosuppression"),
						y("intravenousDrugUse"), y("majorTrauma"), y("minorTrauma"), y("longTermSteroids"),
						y("constantNightPain"), y("firstEpisode")),
				new ContraindicationAnswers(y("suspectedDvt"), y("recentFracture"), y("osteoporosis"),
						y("skinProblemInArea"), y("anticoagulantsOrBleedingDisorder"), y("pregnancy"),
						y("activeCancerTreatment")),
				this.body);
	}

	/** Assessed for a client of the given age. */
	public Assessment assessedAt(int age) {
		return Assessment.of(answers(), age);
	}

}
