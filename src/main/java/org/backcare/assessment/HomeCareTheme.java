package org.backcare.assessment;

/** The themes of home self-care a recommendation can include. */
public enum HomeCareTheme {

	POSTURE("Posture and movement breaks"), EXERCISE("Exercise"), HEAT_COLD("Heat or cold"), STRESS("Stress"),
	WEIGHT("Weight");

	private final String label;

	HomeCareTheme(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
