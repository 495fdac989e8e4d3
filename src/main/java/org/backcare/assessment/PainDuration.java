package org.backcare.assessment;

/**
 * How long this episode of back pain has lasted. The cut-offs are the conventional ones
 * used by the guidelines and trials BackCare's rules cite (e.g. NICE NG59 context; Koes
 * BW et al., Eur Spine J 2010;19:2075–94, "Clinical guidelines for the management of low
 * back pain in primary care: an international comparison"): acute under 6 weeks, subacute
 * 6 to 12 weeks, chronic over 12 weeks.
 */
public enum PainDuration {

	ACUTE("Less than 6 weeks"),

	SUBACUTE("6 to 12 weeks"),

	CHRONIC("More than 12 weeks");

	private final String label;

	PainDuration(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The category for an episode of a number of whole weeks: 6 weeks is already subacute
	 * and 12 still subacute; 13 is chronic.
	 */
	public static PainDuration ofWeeks(int weeks) {
		if (weeks < 0) {
			throw new IllegalArgumentException("weeks must not be negative");
		}
		if (weeks < 6) {
			return ACUTE;
		}
		return (weeks <= 12) ? SUBACUTE : CHRONIC;
	}

}
