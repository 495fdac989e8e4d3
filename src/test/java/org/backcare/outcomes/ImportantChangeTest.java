package org.backcare.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.backcare.outcomes.ImportantChange.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimal important change (Ostelo et al., Spine 2008): 2 points of pain, 10 points
 * of Oswestry, or 30 % of the baseline, whichever is reached; a worsening the same way;
 * STarT Back by its risk group.
 */
class ImportantChangeTest {

	@ParameterizedTest(name = "{0} {1} → {2}: {3}")
	@CsvSource({
			// Points: 1.9 of pain is not enough (and under 30 % of 8), 2.0 is.
			"NPRS, 8, 6.1, NEITHER", "NPRS, 8, 6.0, IMPROVED",
			// Percent: 29.9 % of 5 is not enough (and under 2 points), 30 % is.
			"NPRS, 5, 3.505, NEITHER", "NPRS, 5, 3.5, IMPROVED",
			// Worsening the same way.
			"NPRS, 8, 9.9, NEITHER", "NPRS, 8, 10, WORSENED", "NPRS, 5, 6.495, NEITHER", "NPRS, 5, 6.5, WORSENED",
			// Oswestry: 9.9 points (under 30 % of 42) is not, 10 is.
			"ODI, 42, 32.1, NEITHER", "ODI, 42, 32, IMPROVED", "ODI, 42, 51.9, NEITHER", "ODI, 42, 52, WORSENED",
			// A small baseline: 30 % of 20 is 6 points, under the 10 points.
			"ODI, 20, 14.02, NEITHER", "ODI, 20, 14, IMPROVED",
			// No change is no change; from no pain only the points count.
			"NPRS, 6, 6, NEITHER", "NPRS, 0, 1, NEITHER", "NPRS, 0, 2, WORSENED" })
	void aChangeIsImportantFromTheMinimalImportantChangeOrThirtyPercent(Instrument instrument, String baseline,
			String latest, Verdict verdict) {
		assertThat(ImportantChange.judge(instrument, new BigDecimal(baseline), new BigDecimal(latest)).verdict())
			.isEqualTo(verdict);
	}

	@Test
	void theChangeIsGivenInPointsAndInPercentOfTheBaseline() {
		ImportantChange.Change change = ImportantChange.judge(Instrument.ODI, new BigDecimal("42"),
				new BigDecimal("24"));
		assertThat(change.points()).isEqualByComparingTo("18");
		assertThat(change.percent()).isEqualByComparingTo("42.9");
		assertThat(ImportantChange.judge(Instrument.NPRS, BigDecimal.ZERO, BigDecimal.ONE).percent()).isNull();
	}

	@ParameterizedTest(name = "STarT Back {0} → {1}: {2}")
	@CsvSource({ "HIGH, LOW, IMPROVED", "MEDIUM, LOW, IMPROVED", "MEDIUM, MEDIUM, NEITHER", "LOW, MEDIUM, WORSENED",
			"LOW, HIGH, WORSENED" })
	void startBackIsJudgedByItsRiskGroup(String from, String to, Verdict verdict) {
		assertThat(ImportantChange.judgeRisk(new BigDecimal(5), from, new BigDecimal(4), to).verdict())
			.isEqualTo(verdict);
	}

	@Test
	void theSummarySaysTheChangeInWordsWithTheThreshold() {
		assertThat(series(Instrument.ODI, "42", "24").summary()).isEqualTo(
				"Oswestry 42 → 24: 18 points better (42.9 %), at least the 10-point minimal important change: an "
						+ "important improvement.");
		assertThat(series(Instrument.NPRS, "6", "5").summary()).isEqualTo(
				"Pain 6 → 5: 1 point better (16.7 %), less than the 2-point minimal important change and less than "
						+ "30 % of the baseline: no important change.");
		assertThat(series(Instrument.NPRS, "3", "2").summary())
			.isEqualTo("Pain 3 → 2: 1 point better (33.3 %), at least 30 % of the baseline: an important improvement.");
		assertThat(series(Instrument.NPRS, "3", "6").summary()).isEqualTo(
				"Pain 3 → 6: 3 points worse (100 %), at least the 2-point minimal important change: an important "
						+ "worsening.");
	}

	@Test
	void theThresholdLineIsTheBaselineLessTheMinimalImportantChange() {
		assertThat(series(Instrument.ODI, "42", "24").threshold()).isEqualByComparingTo("32");
		// 30 % of a small baseline is nearer than the points: the line is where either
		// rule
		// is met.
		assertThat(series(Instrument.ODI, "20", "14").threshold()).isEqualByComparingTo("14");
		assertThat(series(Instrument.NPRS, "1", "1").threshold()).isEqualByComparingTo("0.7");
	}

	private static Series series(Instrument instrument, String baseline, String latest) {
		Instant start = Instant.parse("2026-10-01T09:00:00Z");
		Measurement first = new Measurement(UUID.randomUUID(), start, instrument, new BigDecimal(baseline), null,
				Measurement.Source.INTAKE);
		Measurement last = new Measurement(UUID.randomUUID(), start.plusSeconds(86400 * 42), instrument,
				new BigDecimal(latest), null, Measurement.Source.FOLLOW_UP);
		return new Series(instrument, List.of(first, last), first, last,
				ImportantChange.judge(instrument, first.value(), last.value()));
	}

}
