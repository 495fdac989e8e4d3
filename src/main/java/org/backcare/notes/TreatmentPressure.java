package org.backcare.notes;

/** The pressure used on an area, in the steps a plan moves by. */
public enum TreatmentPressure {

	LIGHT, MEDIUM, FIRM;

	/** One step lighter; light stays light. */
	public TreatmentPressure lighter() {
		return (this == LIGHT) ? LIGHT : values()[ordinal() - 1];
	}

	/** One step firmer; firm stays firm. */
	public TreatmentPressure firmer() {
		return (this == FIRM) ? FIRM : values()[ordinal() + 1];
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
	}

}
