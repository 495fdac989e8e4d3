package org.backcare.outcomes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.StartBack;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentStatus;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.feedback.Feedbacks;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.intake.RecommendationOverride;
import org.backcare.notes.SessionNotes;
import org.backcare.outcomes.OutcomeRepository.ChosenBaseline;
import org.backcare.plan.NextSessionPlans;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outcomes module's public face. A client's progress is read by the client and their
 * care team (the clinic's admins, therapists who have met them); a follow-up is answered
 * by the client (or entered by the front desk from paper); a baseline is chosen, and a
 * progress summary signed, by the clinic's staff who treat the client (a summary only by
 * a therapist). Every read and change is audited; the records behind the progress (the
 * intakes, notes, feedback and plan decisions) are each read, checked and audited by
 * their own module.
 */
@Service
public class Outcomes {

	private final OutcomeRepository outcomes;

	private final Clients clients;

	private final Clinics clinics;

	private final Bookings bookings;

	private final Intakes intakes;

	private final SessionNotes notes;

	private final Feedbacks feedbacks;

	private final NextSessionPlans plans;

	private final Therapists therapists;

	private final RecordAccess access;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Outcomes(OutcomeRepository outcomes, Clients clients, Clinics clinics, Bookings bookings, Intakes intakes,
			SessionNotes notes, Feedbacks feedbacks, NextSessionPlans plans, Therapists therapists, RecordAccess access,
			Clock clock, PlatformTransactionManager transactions) {
		this.outcomes = outcomes;
		this.clients = clients;
		this.clinics = clinics;
		this.bookings = bookings;
		this.intakes = intakes;
		this.notes = notes;
		this.feedbacks = feedbacks;
		this.plans = plans;
		this.therapists = therapists;
		this.access = access;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The client's progress, for the client and their care team. Audited. One
	 * transaction: the reads' audit entries (one per module read) commit together.
	 */
	public Progress of(CurrentUser caller, ClientId clientId) {
		return this.transaction.execute(status -> progress(caller, clientId));
	}

	private Progress progress(CurrentUser caller, ClientId clientId) {
		Client client = client(clientId);
		this.access.check(caller, RecordAction.OUTCOMES_READ, HealthRecord.client(client.clinicId(), clientId),
				careTeam(client));
		List<Intake> intakes = this.intakes.all(caller, clientId);
		List<Appointment> appointments = this.bookings.ofClient(clientId);
		Map<AppointmentId, Integer> notePain = this.notes.painOf(caller, clientId);
		Map<AppointmentId, Integer> feedbackPain = this.feedbacks.painOf(caller, clientId);
		// Plan changes are the care team's (the plan module's rule): the client's own
		// charts mark their sessions only.
		List<Instant> planChanges = new ArrayList<>(
				(caller.client() == null) ? this.plans.changesOf(caller, client) : List.of());
		intakes.forEach(intake -> intake.overrides()
			.stream()
			.map(RecommendationOverride::recordedAt)
			.forEach(planChanges::add));
		planChanges.sort(Comparator.naturalOrder());
		Instant now = this.clock.instant();
		List<Appointment> sessions = held(appointments, now, true);
		List<Measurement> measured = new ArrayList<>(this.outcomes.followUps(clientId));
		intakes.forEach(intake -> measured.addAll(measuresOf(intake)));
		for (Appointment session : held(appointments, now, false)) {
			Integer fromNote = notePain.get(session.id());
			Integer pain = (fromNote != null) ? fromNote : feedbackPain.get(session.id());
			if (pain != null) {
				measured.add(new Measurement(session.id().value(), session.start(), Instrument.NPRS,
						BigDecimal.valueOf(pain), null,
						(fromNote != null) ? Measurement.Source.NOTE : Measurement.Source.FEEDBACK));
			}
		}
		Progress.Baseline baseline = baseline(measured, this.outcomes.baseline(clientId));
		String due = due(client, intakes, sessions, measured, now).orElse(null);
		return new Progress(client, intakes, baseline, series(measured, baseline), sessions, List.copyOf(planChanges),
				due);
	}

	/**
	 * Whether a follow-up is due for the signed-in client, and why; empty for anyone else
	 * or when none is.
	 */
	public Optional<String> followUpDue(CurrentUser caller) {
		if (caller.client() == null) {
			return Optional.empty();
		}
		Client client = client(caller.client());
		return client.erased() ? Optional.empty() : due(client, this.intakes.all(caller, client.id()));
	}

	/**
	 * Whether a follow-up is due for the client, and why, for BackCare's own mail (no one
	 * signed in; the intakes' read audited as the system's); empty for an erased client.
	 */
	public Optional<String> followUpDueBySystem(ClientId clientId) {
		Client client = client(clientId);
		return client.erased() ? Optional.empty() : due(client, this.intakes.allBySystem(clientId));
	}

	private Optional<String> due(Client client, List<Intake> intakes) {
		List<Measurement> answered = this.outcomes.followUps(client.id());
		Instant now = this.clock.instant();
		return due(client, intakes, held(this.bookings.ofClient(client.id()), now, false), answered, now);
	}

	private Optional<String> due(Client client, List<Intake> intakes, List<Appointment> held,
			List<Measurement> measured, Instant now) {
		if (intakes.isEmpty()) {
			return Optional.empty();
		}
		// Intakes come the latest first.
		Intake latest = intakes.get(0);
		List<Instant> answered = measured.stream()
			.filter(m -> m.source() == Measurement.Source.FOLLOW_UP && m.instrument() == Instrument.NPRS)
			.map(Measurement::at)
			.sorted()
			.toList();
		List<Instant> starts = held.stream()
			.filter(a -> a.status() == AppointmentStatus.COMPLETED)
			.map(Appointment::start)
			.sorted()
			.toList();
		return schedule(client.clinicId()).due(latest.submittedAt(), latest.phase().initialSessions(), starts, answered,
				now);
	}

	/**
	 * Answers a follow-up; with a request key, the same key again returns the first one.
	 */
	public UUID answer(CurrentUser caller, ClientId clientId, FollowUpAnswers answers, String requestKey) {
		return answer(caller, clientId, answers, requestKey, this.clock.instant());
	}

	/**
	 * Enters a paper follow-up the client answered at {@code answeredAt} (the front desk
	 * only; at most a year back, and after the client's first intake).
	 */
	public UUID answerOnPaper(CurrentUser caller, ClientId clientId, FollowUpAnswers answers, Instant answeredAt) {
		Instant now = this.clock.instant();
		if (!caller.is(org.backcare.account.Role.ADMIN)) {
			throw new Forbidden("Paper follow-ups are entered by the front desk.");
		}
		if (answeredAt.isAfter(now) || answeredAt.isBefore(now.minus(java.time.Duration.ofDays(366)))) {
			throw new InvalidRequest("A paper follow-up was answered within the last year, not in the future.");
		}
		return answer(caller, clientId, answers, null, answeredAt);
	}

	private UUID answer(CurrentUser caller, ClientId clientId, FollowUpAnswers answers, String requestKey,
			Instant answeredAt) {
		Client client = client(clientId);
		StartBack.Score startBack = StartBack.score(answers.startBack());
		Oswestry.Score odi = Oswestry.score(answers.oswestry());
		UUID id = UUID.randomUUID();
		return this.transaction.execute(status -> {
			this.access.check(caller, RecordAction.FOLLOW_UP_ANSWERED,
					new HealthRecord(HealthRecord.Type.FOLLOW_UP, id, client.clinicId(), clientId),
					who -> (who.isClient(clientId) || who.isAdminOf(client.clinicId())) ? null
							: (who.client() == null && who.clinic().equals(client.clinicId()))
									? new Forbidden(
											"A follow-up is answered by the client, or entered by the front desk.")
									: new RecordNotFound("Client", clientId));
			client.ensureNotErased();
			if (this.intakes.all(caller, clientId).stream().noneMatch(i -> !i.submittedAt().isAfter(answeredAt))) {
				throw new OutcomeRefused("no-intake",
						"A follow-up is measured against the intake: please fill in the intake first.");
			}
			if (!this.outcomes.insertFollowUp(id, client.clinicId(), clientId, answeredAt, caller.id().value(), answers,
					startBack, odi, requestKey)) {
				return this.outcomes.followUpByRequestKey(caller.id().value(), requestKey)
					.filter(stored -> stored.client().equals(clientId))
					.orElseThrow(org.backcare.platform.RequestKeys.Reused::new)
					.id();
			}
			return id;
		});
	}

	/**
	 * Takes this intake or follow-up as the baseline from now on, with the reason; the
	 * choice is kept with who made it.
	 */
	public Progress chooseBaseline(CurrentUser caller, ClientId clientId, UUID measurement, String reason) {
		Client client = client(clientId);
		this.transaction.executeWithoutResult(status -> {
			this.access.check(caller, RecordAction.BASELINE_CHOSEN, HealthRecord.client(client.clinicId(), clientId),
					staff(client));
			client.ensureNotErased();
			if (reason.indexOf('\u0000') >= 0) {
				throw new InvalidRequest("The reason holds a character that cannot be stored (NUL).");
			}
			boolean known = this.outcomes.followUps(clientId).stream().anyMatch(m -> m.id().equals(measurement))
					|| this.intakes.all(caller, clientId).stream().anyMatch(i -> i.id().value().equals(measurement));
			if (!known) {
				throw new InvalidRequest("measurementId must name one of this client's intakes or follow-ups.");
			}
			this.outcomes.chooseBaseline(client.clinicId(), clientId, measurement, this.clock.instant(),
					caller.id().value(), staffName(caller), reason.strip());
		});
		return of(caller, clientId);
	}

	/**
	 * Signs a therapist's summary of the period, for the progress report: by a therapist
	 * who treats the client, never changed once signed.
	 */
	public ProgressSummary sign(CurrentUser caller, ClientId clientId, LocalDate from, LocalDate to, String body) {
		return sign(caller, clientId, from, to, body, null);
	}

	/**
	 * Signs the summary; with a request key (a form's own), the same key again returns
	 * the summary the first one signed.
	 */
	public ProgressSummary sign(CurrentUser caller, ClientId clientId, LocalDate from, LocalDate to, String body,
			String requestKey) {
		Client client = client(clientId);
		UUID id = UUID.randomUUID();
		return this.transaction.execute(status -> {
			this.access.check(caller, RecordAction.PROGRESS_SUMMARY_SIGNED,
					new HealthRecord(HealthRecord.Type.PROGRESS_SUMMARY, id, client.clinicId(), clientId),
					who -> this.bookings.treats(who, clientId, client.clinicId()) ? null
							: (who.client() == null && who.clinic().equals(client.clinicId()))
									? new Forbidden(
											"A progress summary is signed by a therapist who treats the client.")
									: caller.isClient(clientId)
											? new Forbidden("Your therapist writes the summary of your care.")
											: new RecordNotFound("Client", clientId));
			client.ensureNotErased();
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.clinics.get(client.clinicId()).zone());
			if (body.indexOf('\u0000') >= 0) {
				throw new InvalidRequest("The summary holds a character that cannot be stored (NUL).");
			}
			if (from.isAfter(to) || to.isAfter(today) || from.plusYears(ProgressReport.MAX_YEARS).isBefore(to)) {
				throw new InvalidRequest("The period runs from a day to a later (or the same) day, not after today and "
						+ "at most " + ProgressReport.MAX_YEARS + " years long.");
			}
			Therapist therapist = this.therapists.get(caller.therapist());
			String licence = Optional.ofNullable(therapist.licenceOn(today)).orElse("");
			ProgressSummary summary = new ProgressSummary(client.clinicId(), id, clientId, from, to, body.strip(),
					this.clock.instant(), caller.id().value(), therapist.name(),
					(licence.length() > 210) ? licence.substring(0, 210) : licence, client.name());
			UUID stored = this.outcomes.insertSummary(summary, requestKey);
			return this.outcomes.summaries(clientId)
				.stream()
				.filter(signed -> signed.id().equals(stored))
				.findFirst()
				.orElseThrow(org.backcare.platform.RequestKeys.Reused::new);
		});
	}

	/** The client's signed summaries, the latest first: the care team's. Audited. */
	public List<ProgressSummary> summaries(CurrentUser caller, ClientId clientId) {
		Client client = client(clientId);
		List<ProgressSummary> all = this.outcomes.summaries(clientId);
		this.access.check(caller, RecordAction.OUTCOMES_READ, HealthRecord.client(client.clinicId(), clientId),
				careTeam(client));
		all.forEach(summary -> this.access.check(caller, RecordAction.OUTCOMES_READ, record(summary), who -> null));
		return all;
	}

	/** The clinic's follow-up schedule (its default when it has not set one). */
	private FollowUpSchedule schedule(ClinicId clinic) {
		return this.outcomes.schedule(clinic).orElse(FollowUpSchedule.DEFAULT);
	}

	/** The caller's clinic's follow-up schedule, for its admins. */
	public FollowUpSchedule schedule(CurrentUser caller) {
		return schedule(admin(caller).clinic());
	}

	public FollowUpSchedule setSchedule(CurrentUser caller, FollowUpSchedule schedule) {
		admin(caller);
		if (schedule.everyWeeks() < 1 || schedule.everyWeeks() > FollowUpSchedule.MAX_WEEKS) {
			throw new InvalidRequest("everyWeeks lies between 1 and " + FollowUpSchedule.MAX_WEEKS + ".");
		}
		this.outcomes.setSchedule(caller.clinic(), schedule);
		return schedule;
	}

	/** The intake's scores: pain now, STarT Back, and the Oswestry index when scored. */
	static List<Measurement> measuresOf(Intake intake) {
		List<Measurement> measures = new ArrayList<>();
		UUID id = intake.id().value();
		measures.add(new Measurement(id, intake.submittedAt(), Instrument.NPRS,
				BigDecimal.valueOf(intake.answers().pain().now()), null, Measurement.Source.INTAKE));
		StartBack.Score startBack = intake.assessment().startBack();
		measures.add(new Measurement(id, intake.submittedAt(), Instrument.STARTBACK,
				BigDecimal.valueOf(startBack.total()), startBack.risk().name(), Measurement.Source.INTAKE));
		Oswestry.Score odi = intake.assessment().oswestry();
		if (odi.scored()) {
			measures.add(new Measurement(id, intake.submittedAt(), Instrument.ODI, odi.index(), odi.band().name(),
					Measurement.Source.INTAKE));
		}
		return measures;
	}

	/**
	 * The baseline: the chosen intake or follow-up, else the first intake (else the first
	 * follow-up); null before any.
	 */
	static Progress.Baseline baseline(List<Measurement> measured, Optional<ChosenBaseline> chosen) {
		List<Measurement> questionnaires = measured.stream()
			.filter(m -> m.source().questionnaire())
			.sorted(Comparator.comparing(Measurement::at)
				.thenComparing(m -> m.source() == Measurement.Source.INTAKE ? 0 : 1))
			.toList();
		if (chosen.isPresent()) {
			Optional<Measurement> found = questionnaires.stream()
				.filter(m -> m.id().equals(chosen.get().measurementId()))
				.findFirst();
			if (found.isPresent()) {
				return new Progress.Baseline(found.get().id(), found.get().at(), found.get().source(),
						chosen.get().chosenBy(), chosen.get().reason());
			}
		}
		return questionnaires.stream()
			.findFirst()
			.map(first -> new Progress.Baseline(first.id(), first.at(), first.source(), null, null))
			.orElse(null);
	}

	/** Each measure over time, judged from the baseline to its latest score. */
	static List<Series> series(List<Measurement> measured, Progress.Baseline baseline) {
		List<Series> all = new ArrayList<>();
		for (Instrument instrument : Instrument.values()) {
			List<Measurement> points = measured.stream()
				.filter(m -> m.instrument() == instrument)
				.sorted(Comparator.comparing(Measurement::at))
				.toList();
			Measurement start = (baseline == null) ? null
					: points.stream()
						.filter(m -> m.id().equals(baseline.measurementId()))
						.findFirst()
						// An Oswestry left unscored at the baseline: its first score
						// after.
						.or(() -> points.stream().filter(m -> !m.at().isBefore(baseline.at())).findFirst())
						.orElse(null);
			Measurement latest = (start == null) ? null
					: points.stream().filter(m -> m.at().isAfter(start.at())).reduce((a, b) -> b).orElse(null);
			ImportantChange.Change change = (latest == null) ? null
					: (instrument.importantPoints() == null)
							? ImportantChange.judgeRisk(start.value(), start.category(), latest.value(),
									latest.category())
							: ImportantChange.judge(instrument, start.value(), latest.value());
			all.add(new Series(instrument, points, start, (latest == null) ? start : latest, change));
		}
		return all;
	}

	/**
	 * The sessions that have begun and were held (or, with {@code missedToo}, missed),
	 * the earliest first.
	 */
	static List<Appointment> held(List<Appointment> appointments, Instant now, boolean missedToo) {
		return appointments.stream()
			.filter(a -> a.start().isBefore(now))
			.filter(a -> a.status() == AppointmentStatus.COMPLETED
					|| (missedToo && a.status() == AppointmentStatus.NO_SHOW))
			.sorted(Comparator.comparing(Appointment::start))
			.toList();
	}

	private static CurrentUser admin(CurrentUser caller) {
		if (!caller.isAdminOf(caller.clinic())) {
			throw new Forbidden("The follow-up schedule is for the clinic's admins.");
		}
		return caller;
	}

	private Client client(ClientId id) {
		return this.clients.find(id).orElseThrow(() -> new RecordNotFound("Client", id));
	}

	private AccessRule careTeam(Client client) {
		return caller -> this.bookings.inCareTeam(caller, client.id(), client.clinicId()) ? null
				: new RecordNotFound("Client", client.id());
	}

	/**
	 * The clinic's admins and therapists who have met the client; the client is told why
	 * not.
	 */
	private AccessRule staff(Client client) {
		return caller -> (caller.isAdminOf(client.clinicId())
				|| this.bookings.treats(caller, client.id(), client.clinicId())) ? null
						: caller.isClient(client.id()) ? new Forbidden("The baseline is chosen by your care team.")
								: new RecordNotFound("Client", client.id());
	}

	static HealthRecord record(ProgressSummary summary) {
		return new HealthRecord(HealthRecord.Type.PROGRESS_SUMMARY, summary.id(), summary.clinicId(),
				summary.clientId());
	}

	/**
	 * Who chose a baseline, as the client may read it: a therapist's name, else the front
	 * desk's address.
	 */
	private String staffName(CurrentUser caller) {
		return (caller.therapist() != null) ? this.therapists.get(caller.therapist()).name() : caller.email();
	}

	/** A rule of outcomes refused; {@code rule} names which. */
	static class OutcomeRefused extends org.backcare.platform.RuleRefused {

		OutcomeRefused(String rule, String detail) {
			super(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "outcome-refused", "Refused", rule,
					detail);
		}

	}

}
