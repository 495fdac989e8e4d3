package org.backcare.assessment;

/** What the client thinks brought the pain on or makes it worse. */
public enum Cause {

	POSTURE("Posture"),

	PROLONGED_SITTING("Long sitting or sedentary work"),

	REPETITIVE_MOVEMENT("Repetitive movements"),

	LIFTING_OR_SPORTS_INJURY("Lifting or sports injury (sprain or strain)"),

	DISC_HERNIATION("Diagnosed disc herniation"),

	SPINAL_MISALIGNMENT("Diagnosed spinal misalignment or scoliosis"),

	STRESS("Stress"),

	ACTIVITY_CHANGE("Recent change in activity");

	private final String label;

	Cause(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
