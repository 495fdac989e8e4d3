package org.backcare.assessment;

/**
 * The regions of the pain map. Each is drawn on the front or the back body diagram (the
 * neck, shoulders, hips and legs on both, as people point at them from either side).
 */
public enum PainRegion {

	NECK("Neck"),

	SHOULDER_LEFT("Left shoulder"),

	SHOULDER_RIGHT("Right shoulder"),

	UPPER_BACK("Upper back"),

	MID_BACK("Mid back"),

	LOWER_BACK_LEFT("Lower back, left"),

	LOWER_BACK_RIGHT("Lower back, right"),

	SACRUM_BUTTOCKS("Sacrum and buttocks"),

	HIP_LEFT("Left hip"),

	HIP_RIGHT("Right hip"),

	THIGH_LEFT("Left thigh"),

	THIGH_RIGHT("Right thigh"),

	LOWER_LEG_LEFT("Left lower leg"),

	LOWER_LEG_RIGHT("Right lower leg");

	private final String label;

	PainRegion(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
