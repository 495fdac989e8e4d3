package org.backcare.homecare;

/**
 * The kinds of home self-care an item can be, each with its picture (drawn for BackCare,
 * under {@code static/img/homecare}).
 */
public enum HomeItemKind {

	POSTURE("Posture", "posture"), MOVEMENT_BREAK("Movement break", "movement-break"), EXERCISE("Exercise", "exercise"),
	HEAT("Heat", "heat"), COLD("Cold", "cold"), STRESS("Stress management", "stress"), WEIGHT("Weight", "weight");

	private final String label;

	private final String picture;

	HomeItemKind(String label, String picture) {
		this.label = label;
		this.picture = picture;
	}

	public String label() {
		return this.label;
	}

	/** The illustration's path, for pages and mail. */
	public String illustration() {
		return "/img/homecare/" + this.picture + ".svg";
	}

	/** Heat and cold: the page offers a 10–15 minute timer. */
	public boolean timed() {
		return this == HEAT || this == COLD;
	}

}
