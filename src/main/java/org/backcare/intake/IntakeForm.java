package org.backcare.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import org.springframework.util.MultiValueMap;

/**
 * The web form's fields turned into the same {@link IntakeAnswers} the API takes, so one
 * set of validation rules serves both. A field that is missing or unreadable becomes null
 * (or is left out), and validation then names it.
 */
final class IntakeForm {

	private final MultiValueMap<String, String> fields;

	/**
	 * Problems found while reading the fields, before validation: the form field, and
	 * what is wrong.
	 */
	private final Map<String, String> unreadable = new LinkedHashMap<>();

	IntakeForm(MultiValueMap<String, String> fields) {
		this.fields = fields;
	}

	Map<String, String> unreadable() {
		return this.unreadable;
	}

	IntakeAnswers answers() {
		Map<PainRegion, Integer> regions = new EnumMap<>(PainRegion.class);
		for (PainRegion region : PainRegion.values()) {
			Integer level = integer("pain." + region.name(), region.label());
			if (level != null && level != 0) {
				regions.put(region, level);
			}
		}
		Set<Cause> causes = EnumSet.noneOf(Cause.class);
		for (String cause : this.fields.getOrDefault("causes", List.of())) {
			Cause known = enumValue(Cause.class, "causes", cause, "Causes");
			if (known != null) {
				causes.add(known);
			}
		}
		List<Boolean> agree = new ArrayList<>();
		for (int item = 1; item <= 8; item++) {
			agree.add(bool("startBack" + item));
		}
		List<Integer> sections = new ArrayList<>();
		for (int section = 1; section <= 10; section++) {
			sections.add(integer("odi" + section, Oswestry.SECTIONS.get(section - 1).title()));
		}
		Integer height = integer("heightCm", "Height");
		Double weight = decimal("weightKg", "Weight");
		return new IntakeAnswers(new PainMap(regions, checkbox("radiatingLegPain"), checkbox("numbnessOrTingling")),
				new PainRatings(integer("painNow", "Pain now"), integer("painAverage", "Average pain"),
						integer("painWorst", "Worst pain")),
				enumValue(PainDuration.class, "duration", text("duration"), "How long"), causes,
				new Goals(text("wantToDoAgain"), enumValue(Pressure.class, "pressure", text("pressure"), "Pressure"),
						enumValue(GenderPreference.class, "therapistGender", text("therapistGender"), "Therapist"),
						blankToNull(text("language"))),
				new StartBack.Answers(agree,
						enumValue(StartBack.Bothersomeness.class, "startBack9", text("startBack9"),
								StartBack.BOTHERSOMENESS_ITEM)),
				new Oswestry.Answers(sections),
				new RedFlagAnswers(bool("saddleNumbness"), bool("bladderOrBowelDysfunction"),
						bool("legWeaknessOrGaitChange"), bool("historyOfCancer"), bool("unexplainedWeightLoss"),
						bool("feverOrChills"), bool("immunosuppression"), bool("intravenousDrugUse"),
						bool("majorTrauma"), bool("minorTrauma"), bool("longTermSteroids"), bool("constantNightPain"),
						bool("firstEpisode")),
				new ContraindicationAnswers(bool("suspectedDvt"), bool("recentFracture"), bool("osteoporosis"),
						bool("skinProblemInArea"), bool("anticoagulantsOrBleedingDisorder"), bool("pregnancy"),
						bool("activeCancerTreatment")),
				(height == null && weight == null) ? null : new Body(height, weight));
	}

	private String text(String name) {
		String value = this.fields.getFirst(name);
		return (value == null) ? null : value.strip();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private Integer integer(String name, String label) {
		String value = blankToNull(text(name));
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			this.unreadable.put(name, label + ": please enter a whole number.");
			return null;
		}
	}

	private Double decimal(String name, String label) {
		String value = blankToNull(text(name));
		if (value == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(value.replace(',', '.'));
			if (!Double.isFinite(number)) {
				throw new NumberFormatException(value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			this.unreadable.put(name, label + ": please enter a number.");
			return null;
		}
	}

	/** A yes/no radio pair: "true", "false", or unanswered (null). */
	private Boolean bool(String name) {
		String value = text(name);
		return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
	}

	/** A single checkbox: present means yes. */
	private Boolean checkbox(String name) {
		return "true".equals(text(name));
	}

	private <E extends Enum<E>> E enumValue(Class<E> type, String name, String value, String label) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			this.unreadable.put(name, label + ": please choose one of the options.");
			return null;
		}
	}

}
