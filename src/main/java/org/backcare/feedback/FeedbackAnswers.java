package org.backcare.feedback;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.backcare.assessment.PainRegion;
import org.backcare.platform.InvalidRequest;

/**
 * What the client says of a session. Every answer may be left out (a client who only says
 * the pressure was too firm has said what matters); what is given must be in range:
 * soreness and pain on the 0–10 numeric rating scale, comfort 1 (very uncomfortable) to 5
 * (very comfortable), texts at most 1,000 characters.
 */
public record FeedbackAnswers(PressureVerdict overallPressure, Map<PainRegion, PressureVerdict> pressure,
		Integer sorenessNextDay, Integer comfort, Integer painNow, String helped, String avoid,
		Set<PainRegion> avoidAreas) {

	public static final int MAX_TEXT = 1000;

	public FeedbackAnswers {
		if (pressure != null
				&& pressure.entrySet().stream().anyMatch(entry -> entry.getKey() == null || entry.getValue() == null)) {
			throw new InvalidRequest("Each area's pressure needs the area and how it felt.");
		}
		pressure = (pressure == null || pressure.isEmpty()) ? Map.of()
				: Collections.unmodifiableMap(new EnumMap<>(pressure));
		avoidAreas = (avoidAreas == null || avoidAreas.isEmpty()) ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(avoidAreas));
		scale("sorenessNextDay", sorenessNextDay, 0, 10);
		scale("painNow", painNow, 0, 10);
		scale("comfort", comfort, 1, 5);
		helped = text("helped", helped);
		avoid = text("avoid", avoid);
	}

	private static void scale(String name, Integer value, int low, int high) {
		if (value != null && (value < low || value > high)) {
			throw new InvalidRequest(name + " is " + low + " to " + high + ", not " + value + ".");
		}
	}

	private static String text(String name, String value) {
		String stripped = (value == null) ? "" : value.strip();
		if (stripped.length() > MAX_TEXT) {
			throw new InvalidRequest(name + " is at most " + MAX_TEXT + " characters.");
		}
		if (stripped.chars().anyMatch(c -> c == 0)) {
			throw new InvalidRequest(name + " contains a NUL character.");
		}
		return stripped;
	}

}
