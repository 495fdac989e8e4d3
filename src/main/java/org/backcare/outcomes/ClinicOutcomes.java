package org.backcare.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backcare.account.CurrentUser;
import org.backcare.booking.Appointment;
import org.backcare.booking.Bookings;
import org.backcare.client.ClientId;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.outcomes.ImportantChange.Verdict;
import org.backcare.outcomes.OutcomeRepository.ChosenBaseline;
import org.backcare.outcomes.OutcomeRepository.ClientMeasurement;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Service;

/**
 * The clinic's outcomes, for its admins: of the clients who finished their initial phase
 * of care (the sessions their intake recommended) and answered a follow-up after it, how
 * many improved importantly on Oswestry or pain (against the minimal important change,
 * from their baseline to that first follow-up), overall, by the therapist who held most
 * of their initial sessions and by the technique used most in them. Counts only, no
 * names; the intakes are one audited read.
 */
@Service
public class ClinicOutcomes {

	private final Intakes intakes;

	private final OutcomeRepository outcomes;

	private final Bookings bookings;

	private final Therapists therapists;

	private final Clock clock;

	ClinicOutcomes(Intakes intakes, OutcomeRepository outcomes, Bookings bookings, Therapists therapists, Clock clock) {
		this.intakes = intakes;
		this.outcomes = outcomes;
		this.bookings = bookings;
		this.therapists = therapists;
		this.clock = clock;
	}

	/**
	 * One group's figures: clients measured after their initial phase, and how many
	 * improved.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ClinicOutcomesRow")
	public record Row(String group, int measured, int improved) {

		/** The share improved, in whole percent; null with none measured. */
		public Integer percent() {
			return (this.measured == 0) ? null : Math.round(100f * this.improved / this.measured);
		}

	}

	/**
	 * {@code waiting}: clients past their initial phase who have not answered a follow-up
	 * since.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ClinicOutcomes")
	public record View(Row overall, List<Row> byTherapist, List<Row> byTechnique, int waiting) {
	}

	/** One client's result at the end of their initial phase. */
	record Result(boolean improved, String therapist, String technique) {
	}

	public View of(CurrentUser caller) {
		Map<ClientId, List<Intake>> intakesByClient = this.intakes.ofClinic(caller)
			.stream()
			.collect(Collectors.groupingBy(Intake::clientId));
		Map<ClientId, List<Measurement>> followUps = this.outcomes.followUpsOfClinic(caller.clinic())
			.stream()
			.collect(Collectors.groupingBy(ClientMeasurement::client,
					Collectors.mapping(ClientMeasurement::measurement, Collectors.toList())));
		Map<ClientId, ChosenBaseline> chosen = this.outcomes.baselinesOfClinic(caller.clinic())
			.stream()
			.collect(Collectors.toMap(ChosenBaseline::client, Function.identity()));
		Instant now = this.clock.instant();
		List<Result> results = new ArrayList<>();
		int waiting = 0;
		for (Map.Entry<ClientId, List<Intake>> client : intakesByClient.entrySet()) {
			List<Appointment> held = Outcomes.held(this.bookings.ofClient(client.getKey()), now, false);
			Optional<Optional<Result>> judged = judge(client.getValue(),
					followUps.getOrDefault(client.getKey(), List.of()),
					Optional.ofNullable(chosen.get(client.getKey())), held);
			if (judged.isPresent()) {
				if (judged.get().isPresent()) {
					results.add(judged.get().get());
				}
				else {
					waiting++;
				}
			}
		}
		return new View(row("All clients", results), rows(results, Result::therapist), rows(results, Result::technique),
				waiting);
	}

	/**
	 * One client: empty while the initial phase is not over; a present but empty result
	 * when it is and no follow-up was answered since; else whether they improved, with
	 * the therapist and technique of most of their initial sessions.
	 */
	Optional<Optional<Result>> judge(List<Intake> intakes, List<Measurement> followUps, Optional<ChosenBaseline> chosen,
			List<Appointment> held) {
		List<Measurement> measured = new ArrayList<>(followUps);
		intakes.forEach(intake -> measured.addAll(Outcomes.measuresOf(intake)));
		Progress.Baseline baseline = Outcomes.baseline(measured, chosen);
		if (baseline == null) {
			return Optional.empty();
		}
		Intake phaseFrom = intakes.stream()
			.filter(i -> !i.submittedAt().isAfter(baseline.at()))
			.max(Comparator.comparing(Intake::submittedAt))
			.orElse(intakes.get(0));
		int initial = phaseFrom.phase().initialSessions();
		List<Appointment> after = held.stream().filter(a -> a.start().isAfter(baseline.at())).toList();
		if (initial < 1 || after.size() < initial) {
			return Optional.empty();
		}
		List<Appointment> phase = after.subList(0, initial);
		Instant endOfPhase = phase.get(initial - 1).start();
		Optional<Instant> measuredAt = followUps.stream()
			.map(Measurement::at)
			.filter(at -> at.isAfter(endOfPhase))
			.min(Comparator.naturalOrder());
		if (measuredAt.isEmpty()) {
			return Optional.of(Optional.empty());
		}
		List<Series> series = Outcomes.series(measured.stream().filter(m -> !m.at().isAfter(measuredAt.get())).toList(),
				baseline);
		boolean improved = series.stream()
			.anyMatch(s -> s.instrument() != Instrument.STARTBACK && s.verdict() == Verdict.IMPROVED);
		String therapist = this.therapists.get(mostOf(phase, Appointment::therapistId)).name();
		String technique = mostOf(phase.stream().filter(a -> a.technique() != null).toList(),
				a -> a.technique().displayName());
		return Optional
			.of(Optional.of(new Result(improved, therapist, (technique != null) ? technique : "Not recorded")));
	}

	private static <T> T mostOf(List<Appointment> sessions, Function<Appointment, T> key) {
		return sessions.stream()
			.collect(Collectors.groupingBy(key, java.util.LinkedHashMap::new, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(null);
	}

	private static Row row(String group, List<Result> results) {
		return new Row(group, results.size(), (int) results.stream().filter(Result::improved).count());
	}

	private static List<Row> rows(List<Result> results, Function<Result, String> by) {
		Map<String, List<Result>> grouped = new TreeMap<>(results.stream().collect(Collectors.groupingBy(by)));
		return grouped.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
	}

}
