package org.backcare.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.PainRegion;
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
import org.backcare.feedback.FeedbackAnswers;
import org.backcare.feedback.Feedbacks;
import org.backcare.feedback.PressureVerdict;
import org.backcare.feedback.SessionFeedback;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.homecare.HomeCare;
import org.backcare.notes.SessionNote;
import org.backcare.notes.SessionNotes;
import org.backcare.plan.PlanFacts.SessionFacts;
import org.backcare.plan.PlanFacts.Verdict;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan module's public face: the proposal for a client's next session, gathered from
 * their signed notes, their feedback and their intakes (each read through its module,
 * checked and audited there), and the therapist's decision on it. The proposal is for the
 * care team (the clinic's admins, therapists who have met the client); the session's
 * therapist decides.
 */
@Service
public class NextSessionPlans {

	/** The longest reason or own plan. */
	public static final int MAX_REASON = 500;

	public static final int MAX_PLAN = 2000;

	private final SessionNotes notes;

	private final Feedbacks feedbacks;

	private final Intakes intakes;

	private final Bookings bookings;

	private final PlanDecisionRepository decisions;

	private final RecordAccess access;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final HomeCare homeCare;

	NextSessionPlans(SessionNotes notes, Feedbacks feedbacks, Intakes intakes, Bookings bookings,
			PlanDecisionRepository decisions, RecordAccess access, Clock clock, PlatformTransactionManager transactions,
			HomeCare homeCare) {
		this.homeCare = homeCare;
		this.notes = notes;
		this.feedbacks = feedbacks;
		this.intakes = intakes;
		this.bookings = bookings;
		this.decisions = decisions;
		this.access = access;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The proposal for the session and the decision on it so far, for the care team.
	 * Empty when there is nothing to start from (no signed note yet).
	 */
	public Planned forSession(CurrentUser caller, AppointmentId id) {
		Appointment session = session(id);
		this.access.check(caller, RecordAction.PLAN_READ, record(session), careTeam(session));
		Optional<Basis> basis = propose(caller, session.clientId(), session);
		return planned(session, basis, this.decisions.latestOf(id).orElse(null));
	}

	/**
	 * When the client's therapists changed the plan (edited a proposal or set it aside),
	 * the earliest first: the days only, not the reasons, for the client's progress
	 * chart. One audited read of the client's plan decisions, for the care team.
	 */
	public List<Instant> changesOf(CurrentUser caller, Client client) {
		this.access.check(caller, RecordAction.PLAN_READ, HealthRecord.client(client.clinicId(), client.id()),
				who -> (who.client() == null && this.bookings.inCareTeam(who, client.id(), client.clinicId())) ? null
						: who.isClient(client.id()) ? new Forbidden("The plan is for your care team.")
								: new RecordNotFound("Client", client.id()));
		return this.decisions.ofClient(client.id())
			.stream()
			.filter(decision -> decision.decision() != PlanDecision.Kind.ACCEPTED)
			.map(PlanDecision::decidedAt)
			.toList();
	}

	/**
	 * Proposals for these coming sessions of one therapist's day, and the decisions on
	 * them: one per client (their next session's), each read audited by its module.
	 */
	public Map<AppointmentId, Planned> forSessions(CurrentUser caller, List<Appointment> sessions) {
		Map<AppointmentId, PlanDecision> decided = this.decisions
			.latestOf(sessions.stream().map(Appointment::id).toList());
		Map<AppointmentId, Planned> planned = new LinkedHashMap<>();
		Map<ClientId, Optional<Basis>> byClient = new HashMap<>();
		for (Appointment session : sessions) {
			if (!this.bookings.inCareTeam(caller, session.clientId(), session.clinicId())) {
				continue;
			}
			this.access.check(caller, RecordAction.PLAN_READ, record(session), who -> null);
			Optional<Basis> basis = byClient.computeIfAbsent(session.clientId(),
					client -> propose(caller, client, session));
			planned.put(session.id(), planned(session, basis, decided.get(session.id())));
		}
		return planned;
	}

	/** Records the session's therapist's decision on its proposal. */
	public PlanDecision decide(CurrentUser caller, AppointmentId id, PlanDecision.Kind kind, String reason,
			String plan) {
		String why = (reason == null) ? "" : reason.strip();
		String own = (plan == null) ? "" : plan.strip();
		if (kind == null) {
			throw new InvalidRequest("Say whether the proposal is ACCEPTED, EDITED or REJECTED.");
		}
		if (why.isEmpty() || why.length() > MAX_REASON) {
			throw new InvalidRequest("Give the reason, in 1 to " + MAX_REASON + " characters.");
		}
		if ((kind == PlanDecision.Kind.EDITED && own.isEmpty()) || own.length() > MAX_PLAN) {
			throw new InvalidRequest("An edited proposal needs your own plan, at most " + MAX_PLAN + " characters.");
		}
		return this.transaction.execute(status -> {
			Appointment session = session(id);
			this.access.check(caller, RecordAction.PLAN_DECIDED, record(session), writer(session));
			Proposal proposal = propose(caller, session.clientId(), session).map(Basis::proposal)
				.orElseThrow(() -> new InvalidRequest("There is no proposal for this session yet: it starts from "
						+ "the client's latest signed note."));
			PlanDecision decision = new PlanDecision(UUID.randomUUID(), id, kind, why, own, inWords(proposal),
					proposal.rulesVersion(), caller.id().value(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
			this.decisions.insert(session, decision);
			return decision;
		});
	}

	/**
	 * A session with its proposal (null: nothing to start from), the plan the latest
	 * signed note wrote, and the decision in force (or null).
	 */
	public record Planned(Appointment session, Proposal proposal, String lastPlan, PlanDecision decision) {
	}

	/** What a proposal was made from that the day shows beside it. */
	private record Basis(Proposal proposal, String lastPlan) {
	}

	private static Planned planned(Appointment session, Optional<Basis> basis, PlanDecision decision) {
		return new Planned(session, basis.map(Basis::proposal).orElse(null), basis.map(Basis::lastPlan).orElse(null),
				decision);
	}

	/** The proposal in words, as the therapist saw it: kept with the decision. */
	private static String inWords(Proposal proposal) {
		List<String> lines = new ArrayList<>();
		proposal.areas()
			.forEach(area -> lines.add(area.region().label() + ": " + area.pressure().label().toLowerCase(Locale.ROOT)
					+ ((area.technique() != null) ? ", " + area.technique().displayName() : "")
					+ (area.why().isEmpty() ? "" : " (" + String.join("; ", area.why()) + ")")));
		proposal.suggestions().forEach(suggestion -> lines.add(suggestion.text()));
		String words = String.join("\n", lines);
		return (words.length() > 8000) ? words.substring(0, 8000) : words;
	}

	private Optional<Basis> propose(CurrentUser caller, ClientId client, Appointment before) {
		List<SessionNote> signed = this.notes.ofClient(caller, client)
			.stream()
			.filter(SessionNote::signed)
			.filter(note -> note.sessionStart().isBefore(before.start()))
			.toList();
		if (signed.isEmpty()) {
			return Optional.empty();
		}
		Map<AppointmentId, SessionFeedback> feedback = this.feedbacks.ofClient(caller, client)
			.stream()
			.filter(given -> given.sessionStart().isBefore(before.start()))
			.collect(Collectors.toMap(SessionFeedback::appointmentId, given -> given));
		Map<AppointmentId, SessionNote> byNote = signed.stream()
			.collect(Collectors.toMap(SessionNote::appointmentId, note -> note));
		List<AppointmentId> held = new ArrayList<>(byNote.keySet());
		feedback.keySet().stream().filter(id -> !byNote.containsKey(id)).forEach(held::add);
		held.sort(Comparator.comparing((AppointmentId id) -> byNote.containsKey(id) ? byNote.get(id).sessionStart()
				: feedback.get(id).sessionStart())
			.reversed());
		List<SessionFacts> sessions = held.stream().map(id -> facts(byNote.get(id), feedback.get(id))).toList();
		List<Intake> intakes = this.intakes.all(caller, client);
		Intake first = intakes.isEmpty() ? null : intakes.get(intakes.size() - 1);
		Intake latest = intakes.isEmpty() ? null : intakes.get(0);
		boolean redFlagsSince = intakes.size() > 1
				&& intakes.subList(0, intakes.size() - 1).stream().anyMatch(i -> !i.assessment().redFlags().isEmpty());
		List<Appointment> heldBefore = this.bookings.ofClient(client)
			.stream()
			.filter(session -> session.status() == AppointmentStatus.COMPLETED)
			.filter(session -> session.start().isBefore(before.start()))
			.toList();
		Instant lastHeld = heldBefore.stream().map(Appointment::start).max(Comparator.naturalOrder()).orElse(null);
		PlanFacts facts = new PlanFacts(signed.get(0).content().areas(), sessions,
				(first != null) ? first.answers().pain().now() : null, heldBefore.size(),
				(latest != null) ? latest.phase().initialSessions() : null,
				(latest != null) ? latest.assessment().restricted() : Map.of(), redFlagsSince,
				this.homeCare.facts(caller, client, lastHeld));
		return Optional.of(new Basis(NextSessionRules.propose(facts), signed.get(0).content().plan()));
	}

	private static SessionFacts facts(SessionNote note, SessionFeedback feedback) {
		FeedbackAnswers said = (feedback != null) ? feedback.answers() : null;
		Integer pain = (note != null && note.content().painNow() != null) ? note.content().painNow()
				: (said != null) ? said.painNow() : null;
		if (said == null) {
			return new SessionFacts(null, Map.of(), null, pain, Set.of());
		}
		Map<PainRegion, Verdict> byArea = new HashMap<>();
		said.pressure().forEach((region, verdict) -> byArea.put(region, verdict(verdict)));
		return new SessionFacts((said.overallPressure() != null) ? verdict(said.overallPressure()) : null, byArea,
				said.sorenessNextDay(), pain, said.avoidAreas());
	}

	private static Verdict verdict(PressureVerdict verdict) {
		return Verdict.valueOf(verdict.name());
	}

	private Appointment session(AppointmentId id) {
		return this.bookings.find(id).orElseThrow(() -> new RecordNotFound("Appointment", id.value()));
	}

	private AccessRule careTeam(Appointment session) {
		return caller -> this.bookings.inCareTeam(caller, session.clientId(), session.clinicId())
				&& caller.client() == null
						? null
						: caller.isClient(session.clientId())
								? new Forbidden("The proposal is for your therapist, who discusses it with you.")
								: new RecordNotFound("Appointment", session.id().value());
	}

	/** The session's therapist decides; the clinic's other staff are told so. */
	private static AccessRule writer(Appointment session) {
		return caller -> caller.isTherapist(session.therapistId()) ? null
				: (caller.client() == null && caller.clinic().equals(session.clinicId()))
						? new Forbidden("The session's therapist decides on its plan.")
						: new RecordNotFound("Appointment", session.id().value());
	}

	private static HealthRecord record(Appointment session) {
		return new HealthRecord(HealthRecord.Type.PLAN_DECISION, session.id().value(), session.clinicId(),
				session.clientId());
	}

}
