package org.backcare.feedback;

/** How the pressure felt to the client. */
public enum PressureVerdict {

	TOO_LIGHT("Too light"), RIGHT("Just right"), TOO_FIRM("Too firm");

	private final String label;

	PressureVerdict(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
