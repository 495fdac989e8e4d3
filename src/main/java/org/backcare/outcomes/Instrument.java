package org.backcare.outcomes;

import java.math.BigDecimal;

/**
 * The measures followed over time, each with its scale and its minimal important change
 * (see {@link ImportantChange}). On every one a lower score is better.
 */
public enum Instrument {

	/**
	 * Pain now on the numeric rating scale, 0–10 (Childs, Piva, Fritz 2005): at the
	 * intake, at each session and in each follow-up.
	 */
	NPRS("Pain", "pain", 10, new BigDecimal("2")),

	/** The Oswestry Disability Index v2.1a, 0–100 (Fairbank and Pynsent 2000). */
	ODI("Oswestry", "Oswestry disability", 100, new BigDecimal("10")),

	/**
	 * The STarT Back tool's total, 0–9 (Hill et al. 2008): a screen for the risk of a
	 * poor outcome, not an outcome measure; it has no published minimal important change,
	 * so a change is judged by its risk group (BackCare's own rule).
	 */
	STARTBACK("STarT Back", "STarT Back", 9, null);

	private final String label;

	private final String inSentence;

	private final int max;

	private final BigDecimal importantPoints;

	Instrument(String label, String inSentence, int max, BigDecimal importantPoints) {
		this.label = label;
		this.inSentence = inSentence;
		this.max = max;
		this.importantPoints = importantPoints;
	}

	public String label() {
		return this.label;
	}

	/** The name as it reads inside a sentence ("pain", "Oswestry disability"). */
	public String inSentence() {
		return this.inSentence;
	}

	/** The top of the scale (the worst). */
	public int max() {
		return this.max;
	}

	/**
	 * The minimal important change in points; null where there is none published (then
	 * the risk group decides).
	 */
	public BigDecimal importantPoints() {
		return this.importantPoints;
	}

}
