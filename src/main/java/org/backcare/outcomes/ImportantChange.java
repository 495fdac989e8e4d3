package org.backcare.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Whether a change from the baseline matters to the person: the minimal important change.
 *
 * <p>
 * Source: Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain
 * and functional status in low back pain: towards international consensus regarding
 * minimal important change. Spine 2008;33(1):90–94. The consensus: 2 points on the 0–10
 * pain rating scale, 10 points on the Oswestry Disability Index (0–100), 5 points on the
 * Roland-Morris questionnaire (which BackCare does not ask), or 30 % of the baseline
 * score on any of them. A change of at least either is important; less than both is not.
 * A worsening is judged the same way (BackCare's own reading: the consensus speaks of
 * improvement; the same threshold keeps a worsening from being missed). With a baseline
 * of 0 there is no percentage, and the points alone decide.
 *
 * <p>
 * STarT Back has no published minimal important change (it screens for the risk of a poor
 * outcome; Hill JC et al., Arthritis Rheum 2008;59(5):632–641): a move to a lower risk
 * group is called an improvement and to a higher one a worsening, BackCare's own rule.
 */
public final class ImportantChange {

	/** The share of the baseline that is important on every measure (Ostelo 2008). */
	public static final BigDecimal IMPORTANT_PERCENT = new BigDecimal("30");

	public static final String SOURCE = "Ostelo et al., Spine 2008;33(1):90–94";

	public static final String STARTBACK_RULE = "STarT Back: a change of risk group (BackCare's own rule; Hill et al. "
			+ "2008 publish no minimal important change)";

	private ImportantChange() {
	}

	public enum Verdict {

		IMPROVED("an important improvement"), WORSENED("an important worsening"), NEITHER("no important change"),
		NOT_YET("not measured again yet");

		private final String words;

		Verdict(String words) {
			this.words = words;
		}

		public String words() {
			return this.words;
		}

	}

	/**
	 * A change from {@code baseline} to {@code latest}: {@code points} better (negative:
	 * worse) and that as a percentage of the baseline (null with a baseline of 0).
	 */
	public record Change(BigDecimal points, BigDecimal percent, Verdict verdict) {
	}

	/** The change on a measure with a minimal important change in points. */
	public static Change judge(Instrument instrument, BigDecimal baseline, BigDecimal latest) {
		if (instrument.importantPoints() == null) {
			throw new IllegalArgumentException(instrument + " is judged by its risk group");
		}
		BigDecimal better = baseline.subtract(latest);
		BigDecimal percent = percentOf(better, baseline);
		return new Change(better, percent,
				verdict(better.abs(), baseline, instrument.importantPoints(), better.signum()));
	}

	/**
	 * STarT Back: by risk group ({@code LOW}, {@code MEDIUM}, {@code HIGH}); the points
	 * are shown, not judged.
	 */
	public static Change judgeRisk(BigDecimal baselineTotal, String baselineGroup, BigDecimal latestTotal,
			String latestGroup) {
		int moved = rank(baselineGroup) - rank(latestGroup);
		BigDecimal better = baselineTotal.subtract(latestTotal);
		BigDecimal percent = percentOf(better, baselineTotal);
		return new Change(better, percent,
				(moved > 0) ? Verdict.IMPROVED : (moved < 0) ? Verdict.WORSENED : Verdict.NEITHER);
	}

	/**
	 * The change as a percentage of the baseline, to a tenth; null with a baseline of 0.
	 */
	private static BigDecimal percentOf(BigDecimal change, BigDecimal baseline) {
		return (baseline.signum() == 0) ? null
				: change.multiply(BigDecimal.valueOf(100)).divide(baseline, 1, RoundingMode.HALF_UP);
	}

	private static Verdict verdict(BigDecimal size, BigDecimal baseline, BigDecimal importantPoints, int direction) {
		if (direction == 0) {
			return Verdict.NEITHER;
		}
		// Exact: size / baseline >= 30 % without rounding the percentage first.
		boolean important = size.compareTo(importantPoints) >= 0 || (baseline.signum() > 0
				&& size.multiply(BigDecimal.valueOf(100)).compareTo(IMPORTANT_PERCENT.multiply(baseline)) >= 0);
		if (!important) {
			return Verdict.NEITHER;
		}
		return (direction > 0) ? Verdict.IMPROVED : Verdict.WORSENED;
	}

	private static int rank(String riskGroup) {
		return switch (riskGroup) {
			case "LOW" -> 0;
			case "MEDIUM" -> 1;
			case "HIGH" -> 2;
			default -> throw new IllegalArgumentException("Not a STarT Back risk group: " + riskGroup);
		};
	}

}
