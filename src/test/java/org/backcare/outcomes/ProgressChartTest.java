package org.backcare.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart draws the threshold and the baseline as labelled lines and marks plan changes
 * in words: nothing on it is told by colour alone.
 */
class ProgressChartTest {

	@Test
	void theThresholdBaselineAndPlanChangesAreLabelled() {
		Instant start = Instant.parse("2026-09-01T08:00:00Z");
		Measurement intake = new Measurement(UUID.randomUUID(), start, Instrument.NPRS, new BigDecimal(7), null,
				Measurement.Source.INTAKE);
		Measurement later = new Measurement(UUID.randomUUID(), start.plusSeconds(86400 * 30), Instrument.NPRS,
				new BigDecimal(3), null, Measurement.Source.NOTE);
		Series series = new Series(Instrument.NPRS, List.of(intake, later), intake, later,
				ImportantChange.judge(Instrument.NPRS, intake.value(), later.value()));
		String svg = ProgressChart.svg(series, List.of(), List.of(start.plusSeconds(86400 * 10)),
				TimeZone.getTimeZone("Europe/Berlin"));
		assertThat(svg).startsWith("<svg")
			.contains("important improvement at or below 5", "baseline 7", "plan changed", "Intake and follow-ups",
					"At sessions");
		assertThat(ProgressChart.dataUri(svg)).startsWith("data:image/svg+xml;base64,");
	}

}
