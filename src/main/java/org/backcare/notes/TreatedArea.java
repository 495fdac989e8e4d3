package org.backcare.notes;

import java.util.Objects;

import org.backcare.assessment.PainRegion;
import org.backcare.therapist.Technique;

/**
 * An area of the body map treated in a session: the technique used on it (null when none
 * is named) and the pressure.
 */
public record TreatedArea(PainRegion region, Technique technique, TreatmentPressure pressure) {

	public TreatedArea {
		Objects.requireNonNull(region, "region");
		Objects.requireNonNull(pressure, "pressure");
	}

}
