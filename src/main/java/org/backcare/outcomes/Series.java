package org.backcare.outcomes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.backcare.outcomes.ImportantChange.Change;
import org.backcare.outcomes.ImportantChange.Verdict;

/**
 * A measure over time, the earliest first, with its baseline, its latest score, and the
 * change between them judged against the minimal important change. {@code baseline} and
 * {@code latest} are null when the measure was never taken.
 */
public record Series(Instrument instrument, List<Measurement> points, Measurement baseline, Measurement latest,
		Change change) {

	public Verdict verdict() {
		return (this.change == null) ? Verdict.NOT_YET : this.change.verdict();
	}

	/**
	 * The line an important improvement reaches: the baseline less the minimal important
	 * change in points or 30 % of the baseline, whichever is less (not below 0); null for
	 * a measure judged by its risk group, or before a baseline.
	 */
	public BigDecimal threshold() {
		if (this.baseline == null || this.instrument.importantPoints() == null) {
			return null;
		}
		// Either rule makes it important: the nearer of the two lines.
		BigDecimal share = this.baseline.value()
			.multiply(ImportantChange.IMPORTANT_PERCENT)
			.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
		return this.baseline.value().subtract(this.instrument.importantPoints().min(share)).max(BigDecimal.ZERO);
	}

	/**
	 * The change in one sentence: "Oswestry 42 → 24: 18 points better, at least the
	 * 10-point minimal important change: an important improvement."
	 */
	public String summary() {
		String name = this.instrument.label();
		if (this.baseline == null) {
			return name + ": not measured yet.";
		}
		if (this.change == null) {
			return name + " " + described(this.baseline) + " at the baseline; not measured again yet.";
		}
		String head = name + " " + described(this.baseline) + " → " + described(this.latest) + ": ";
		BigDecimal points = this.change.points();
		if (this.instrument.importantPoints() == null) {
			return head + switch (this.change.verdict()) {
				case IMPROVED -> "a lower risk group, an important improvement.";
				case WORSENED -> "a higher risk group, an important worsening.";
				default -> "the same risk group, no important change.";
			};
		}
		if (points.signum() == 0) {
			return head + "no change.";
		}
		BigDecimal size = points.abs();
		String moved = plain(size) + ((size.compareTo(BigDecimal.ONE) == 0) ? " point " : " points ")
				+ ((points.signum() > 0) ? "better" : "worse")
				+ ((this.change.percent() != null) ? " (" + plain(this.change.percent().abs()) + " %)" : "");
		String mic = plain(this.instrument.importantPoints()) + "-point minimal important change";
		String judged = switch (this.change.verdict()) {
			case IMPROVED, WORSENED ->
				((size.compareTo(this.instrument.importantPoints()) >= 0) ? ", at least the " + mic
						: ", at least " + ImportantChange.IMPORTANT_PERCENT + " % of the baseline");
			default ->
				", less than the " + mic + " and less than " + ImportantChange.IMPORTANT_PERCENT + " % of the baseline";
		};
		return head + moved + judged + ": " + this.change.verdict().words() + ".";
	}

	private static String described(Measurement measurement) {
		return (measurement.instrument() == Instrument.STARTBACK)
				? measurement.shown() + " (" + measurement.category().toLowerCase(Locale.ROOT) + " risk)"
				: measurement.shown();
	}

	private static String plain(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

}
