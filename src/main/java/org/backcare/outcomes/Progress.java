package org.backcare.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.backcare.booking.Appointment;
import org.backcare.client.Client;
import org.backcare.intake.Intake;

/**
 * A client's progress: their intakes (the latest first, as read for it), the baseline,
 * each measure over time judged from it, the sessions (held and missed) and the days the
 * plan changed, for the chart's marks, and whether a follow-up is due (null when not).
 */
public record Progress(Client client, List<Intake> intakes, Baseline baseline, List<Series> series,
		List<Appointment> sessions, List<Instant> planChanges, String followUpDue) {

	/**
	 * The measurement progress is judged from: the first intake unless someone chose
	 * another ({@code chosenBy} and {@code reason} then say who and why).
	 */
	public record Baseline(UUID measurementId, Instant at, Measurement.Source source, String chosenBy, String reason) {
	}

	public Series of(Instrument instrument) {
		return this.series.stream().filter(s -> s.instrument() == instrument).findFirst().orElseThrow();
	}

	/**
	 * The intakes and follow-ups, each once, the earliest first: what a baseline may be.
	 */
	public List<Measurement> questionnaires() {
		return of(Instrument.NPRS).points().stream().filter(point -> point.source().questionnaire()).toList();
	}

}
