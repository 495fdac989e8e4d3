package org.backcare.notes;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.backcare.assessment.PainRegion;
import org.backcare.platform.InvalidRequest;

/**
 * What a note says, in the SOAP order clinicians write it: Subjective (what the client
 * reports, with their pain now on the 0–10 numeric rating scale), Objective (findings),
 * Assessment, Plan; and what was done: the areas treated and the minutes of treatment. A
 * draft may leave anything empty; a note is signed once it says something.
 */
public record NoteContent(String subjective, Integer painNow, String objective, String assessment, String plan,
		Integer minutes, List<TreatedArea> areas) {

	/** The longest text of each part, as the database holds it. */
	public static final int MAX_TEXT = 4000;

	/** The longest treatment a note records: four hours. */
	public static final int MAX_MINUTES = 240;

	public static final NoteContent EMPTY = new NoteContent("", null, "", "", "", null, List.of());

	/**
	 * Texts stripped (null as empty), areas in the body map's order; anything out of
	 * range is refused with what is wrong.
	 */
	public NoteContent {
		subjective = text("subjective", subjective);
		objective = text("objective", objective);
		assessment = text("assessment", assessment);
		plan = text("plan", plan);
		if (painNow != null && (painNow < 0 || painNow > 10)) {
			throw new InvalidRequest("painNow is the client's pain on the 0–10 scale, not " + painNow + ".");
		}
		if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
			throw new InvalidRequest(
					"minutes is the treatment's length, 1 to " + MAX_MINUTES + ", not " + minutes + ".");
		}
		areas = (areas == null) ? List.of() : areas.stream().sorted(Comparator.comparing(TreatedArea::region)).toList();
		Set<PainRegion> seen = EnumSet.noneOf(PainRegion.class);
		for (TreatedArea area : areas) {
			if (area == null) {
				throw new InvalidRequest("An area treated needs a region and a pressure.");
			}
			if (!seen.add(area.region())) {
				throw new InvalidRequest(area.region().label() + " is named twice; name each area once.");
			}
		}
	}

	/** Whether there is anything to sign: some text, or an area treated. */
	public boolean saysSomething() {
		return !(this.subjective.isEmpty() && this.objective.isEmpty() && this.assessment.isEmpty()
				&& this.plan.isEmpty() && this.areas.isEmpty());
	}

	private static String text(String part, String value) {
		String stripped = (value == null) ? "" : value.strip();
		if (stripped.length() > MAX_TEXT) {
			throw new InvalidRequest(part + " is at most " + MAX_TEXT + " characters.");
		}
		if (stripped.chars().anyMatch(c -> c == 0)) {
			throw new InvalidRequest(part + " contains a NUL character.");
		}
		return stripped;
	}

}
