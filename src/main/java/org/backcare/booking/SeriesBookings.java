package org.backcare.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Regular sessions. A series is checked session by session against everything a single
 * booking is checked against — the rules, the therapist's other sessions and buffers, the
 * client's other sessions — and booked in one transaction: every session an appointment
 * row held by the same exclusion constraints, all of them or none. The plan is made after
 * the therapist's and the client's advisory locks are taken, so two series over the same
 * slots queue and the second sees the first's sessions as conflicts.
 */
@Service
public class SeriesBookings {

	/** Alternatives offered per conflicting session. */
	static final int ALTERNATIVES = 3;

	/**
	 * Alternatives are looked for on the session's own day first, then up to this many
	 * days either side.
	 */
	static final int DAYS_EITHER_SIDE = 3;

	private final Bookings bookings;

	private final AppointmentRepository appointments;

	private final IdempotencyKeys idempotencyKeys;

	private final Availability availability;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clients clients;

	private final RecordAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SeriesBookings(Bookings bookings, AppointmentRepository appointments, IdempotencyKeys idempotencyKeys,
			Availability availability, Clinics clinics, Therapists therapists, Clients clients, RecordAccess access,
			ApplicationEventPublisher events, Clock clock) {
		this.bookings = bookings;
		this.appointments = appointments;
		this.idempotencyKeys = idempotencyKeys;
		this.availability = availability;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clients = clients;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The plan of a series, nothing booked: each session as it would be booked, and each
	 * conflict with its alternatives. Shows the client's other sessions indirectly, so it
	 * is an audited read of the client's schedule, for those who may book for them.
	 */
	public SeriesPlan check(CurrentUser caller, SeriesRequest request) {
		Parties parties = parties(request);
		this.access.check(caller, RecordAction.SCHEDULE_READ,
				HealthRecord.client(parties.clinic().id(), parties.client().id()),
				AppointmentAccess.bookers(parties.therapist(), parties.client()));
		if (!parties.client().clinicId().equals(parties.clinic().id())) {
			throw new BookingRefused("different-clinic", "The client and the therapist belong to different clinics.");
		}
		return plan(parties, request, null);
	}

	/**
	 * Books the series: every session of the plan that is not left out, in one
	 * transaction. With conflicts the request does not resolve, nothing is booked
	 * ({@link SeriesConflicts}, listing them). An Idempotency-Key covers the whole
	 * series: a repeat returns the series the first request booked.
	 */
	public SeriesPlan book(CurrentUser caller, SeriesRequest request, String idempotencyKey) {
		Parties parties = parties(request);
		if (idempotencyKey != null) {
			var earlier = this.idempotencyKeys.find(parties.clinic().id(), idempotencyKey);
			if (earlier.isPresent()) {
				return replay(caller, earlier.get(), request, parties.clinic().zone());
			}
		}
		try {
			return bookOnce(caller, request, idempotencyKey, parties);
		}
		catch (Bookings.KeyTakenMeanwhile ex) {
			return replay(caller, this.idempotencyKeys.find(parties.clinic().id(), idempotencyKey).orElseThrow(),
					request, parties.clinic().zone());
		}
	}

	private SeriesPlan bookOnce(CurrentUser caller, SeriesRequest request, String idempotencyKey, Parties parties) {
		return this.bookings.inTransaction(() -> {
			// The plan shows the client's other sessions as conflicts: only for those who
			// may
			// book for the client, and audited, before anything is read.
			this.access.check(caller, RecordAction.SCHEDULE_READ,
					HealthRecord.client(parties.clinic().id(), parties.client().id()),
					AppointmentAccess.bookers(parties.therapist(), parties.client()));
			parties.client().ensureNotErased();
			if (!parties.client().clinicId().equals(parties.clinic().id())) {
				throw new BookingRefused("different-clinic",
						"The client and the therapist belong to different clinics.");
			}
			this.appointments.queueFor(parties.therapist().id(), parties.client().id());
			UUID series = UUID.randomUUID();
			SeriesPlan plan = plan(parties, request, series);
			if (!plan.resolved()) {
				throw new SeriesConflicts(plan, parties.clinic().zone());
			}
			List<SeriesPlan.Session> booked = plan.sessions().stream().filter(SeriesPlan.Session::booked).toList();
			if (booked.isEmpty()) {
				throw new BookingRefused("series-empty", "Every session of the series is left out: nothing to book.");
			}
			if (idempotencyKey != null && !this.idempotencyKeys.claim(parties.clinic().id(), idempotencyKey,
					request.fingerprint(), booked.get(0).appointment())) {
				throw new Bookings.KeyTakenMeanwhile();
			}
			this.bookings.guard(parties.client().id(), request.technique());
			this.appointments.insertSeries(parties.clinic().id(), series, parties.client().id(),
					parties.therapist().id(), parties.service().code(), request.technique(), plan.rrule(),
					LocalDateTime.ofInstant(request.firstStart(), parties.clinic().zone()), parties.clinic().zone());
			boolean waived = false;
			for (int i = 0; i < booked.size(); i++) {
				SeriesPlan.Session session = booked.get(i);
				Appointment appointment = new Appointment(session.appointment(), parties.clinic().id(),
						parties.therapist().id(), parties.client().id(), parties.service().code(), request.technique(),
						session.start(), session.end(), session.start().plus(parties.service().blocks()),
						AppointmentStatus.BOOKED, null, null, 0);
				this.access.check(caller, RecordAction.APPOINTMENT_BOOKED, AppointmentAccess.record(appointment),
						AppointmentAccess.bookers(parties.therapist(), parties.client()));
				if (i == 0) {
					// The clinic's intake rule is asked once for the series.
					waived = this.bookings.intakeBeforeTreatment(caller, parties.clinic(), parties.client(),
							parties.service(), request.session(session.start()), appointment);
				}
				this.appointments.insert(appointment, series);
				if (waived) {
					this.appointments.recordIntakeWaiver(appointment, request.intakeWaiver().strip(),
							caller.id().value());
				}
				this.events.publishEvent(
						new AppointmentBooked(appointment.id(), appointment.clinicId(), appointment.therapistId(),
								appointment.clientId(), appointment.service(), appointment.start(), appointment.end()));
			}
			return plan;
		});
	}

	/** Which sessions of a series a change applies to, besides "this session" alone. */
	public enum Scope {

		/** This session and every later one. */
		FOLLOWING,
		/** Every session still to come. */
		ALL

	}

	/**
	 * Cancels this session and the following ones, or all still to come, in one
	 * transaction: each under the rules of a single cancellation (a client inside the
	 * window is refused for the whole change; staff cancel late), all or none.
	 */
	public List<Appointment> cancel(CurrentUser caller, AppointmentId from, Scope scope, String reason) {
		return this.bookings.inTransaction(() -> {
			List<Appointment> targets = targets(this.bookings.read(caller, from), scope);
			return targets.stream().map(session -> this.bookings.cancel(caller, session.id(), reason)).toList();
		});
	}

	/**
	 * Moves this session and the following ones, or all still to come, by the same step
	 * in local time: each keeps its weekday shifted by the same number of days and takes
	 * the new wall-clock time, so a series moved to 11:00 stays at 11:00 across a
	 * daylight-saving change. One transaction, each session under the rules of a single
	 * move; any refusal leaves every session where it was.
	 */
	public List<Appointment> move(CurrentUser caller, AppointmentId from, Scope scope, Instant newStart) {
		return this.bookings.inTransaction(() -> {
			Appointment anchor = this.bookings.read(caller, from);
			ZoneId zone = this.clinics.get(anchor.clinicId()).zone();
			LocalDateTime before = LocalDateTime.ofInstant(anchor.start(), zone);
			LocalDateTime after = LocalDateTime.ofInstant(newStart, zone);
			long days = ChronoUnit.DAYS.between(before.toLocalDate(), after.toLocalDate());
			List<Appointment> targets = new ArrayList<>(targets(anchor, scope));
			// Moving later, the last goes first (and the other way round), so no session
			// steps on the old time of the next.
			if (newStart.isAfter(anchor.start())) {
				Collections.reverse(targets);
			}
			List<Appointment> moved = new ArrayList<>();
			for (Appointment session : targets) {
				LocalDateTime local = LocalDateTime.ofInstant(session.start(), zone);
				Instant start = local.toLocalDate().plusDays(days).atTime(after.toLocalTime()).atZone(zone).toInstant();
				moved.add(this.bookings.move(caller, session.id(), null, start));
			}
			moved.sort(Comparator.comparing(Appointment::start));
			return moved;
		});
	}

	/**
	 * The booked sessions still to come that a change of this scope applies to, from a
	 * session the caller has been shown (an audited read).
	 */
	private List<Appointment> targets(Appointment anchor, Scope scope) {
		List<Appointment> series = seriesOf(anchor.id());
		if (series.isEmpty()) {
			throw new BookingRefused("not-in-a-series", "This session is not part of a series.");
		}
		Instant now = this.clock.instant();
		List<Appointment> targets = series.stream()
			.filter(session -> session.status() == AppointmentStatus.BOOKED && session.start().isAfter(now))
			.filter(session -> scope == Scope.ALL || !session.start().isBefore(anchor.start()))
			.toList();
		if (targets.isEmpty()) {
			throw new BookingRefused("nothing-to-change", "No session of the series to come is booked any more.");
		}
		return targets;
	}

	/**
	 * The sessions of the series the appointment belongs to, oldest first (empty if
	 * none).
	 */
	public List<Appointment> seriesOf(AppointmentId appointment) {
		return this.appointments.seriesOf(appointment).map(this.appointments::ofSeries).orElse(List.of());
	}

	private SeriesPlan replay(CurrentUser caller, IdempotencyKeys.Claim earlier, SeriesRequest request, ZoneId zone) {
		if (!earlier.fingerprint().equals(request.fingerprint())) {
			throw new IdempotencyKeyReused();
		}
		List<Appointment> sessions = seriesOf(earlier.appointment());
		sessions.forEach(session -> this.bookings.shown(caller, session));
		UUID series = this.appointments.seriesOf(earlier.appointment()).orElseThrow();
		return new SeriesPlan(series, this.appointments.seriesRule(series).orElseThrow(), sessions.stream()
			.map(session -> new SeriesPlan.Session(LocalDate.ofInstant(session.start(), zone), session.start(),
					session.start(), session.end(), SeriesPlan.Choice.BOOK, null, null, List.of(), session.id()))
			.toList());
	}

	private Parties parties(SeriesRequest request) {
		Therapist therapist = this.therapists.get(request.therapist());
		Client client = this.clients.get(request.client());
		Clinic clinic = this.clinics.get(therapist.clinicId());
		if (!therapist.active()) {
			throw new BookingRefused("therapist-inactive",
					therapist.name() + " no longer takes bookings at " + clinic.name() + ".");
		}
		return new Parties(clinic, therapist, client, this.clinics.offered(clinic.id(), request.service()));
	}

	/**
	 * Each session of the rule: left out, at the chosen alternative, or at the rule's
	 * time, each checked. What it reads (time off, the therapist's and the client's
	 * sessions) it reads once for the whole series.
	 */
	private SeriesPlan plan(Parties parties, SeriesRequest request, UUID series) {
		ZoneId zone = parties.clinic().zone();
		if (!request.firstStart().isAfter(this.clock.instant())) {
			throw new BookingRefused("series-in-the-past", "The first session of a series must lie ahead.");
		}
		if (request.firstStart().isAfter(this.clock.instant().plus(parties.clinic().booking().horizon()))) {
			throw new BookingRefused("beyond-horizon", "The first session of a series must lie within the "
					+ parties.clinic().booking().horizon().toDays() + " days bookings open ahead.");
		}
		List<LocalDateTime> starts = request.rule().starts(LocalDateTime.ofInstant(request.firstStart(), zone));
		TimeRange window = new TimeRange(starts.get(0).minusDays(DAYS_EITHER_SIDE + 1).atZone(zone).toInstant(),
				starts.get(starts.size() - 1).plusDays(DAYS_EITHER_SIDE + 2).atZone(zone).toInstant());
		List<TimeRange> timeOff = this.therapists.timeOff(List.of(parties.therapist().id()), window)
			.get(parties.therapist().id());
		List<TimeRange> therapistBusy = this.appointments.busy(List.of(parties.therapist().id()), window)
			.get(parties.therapist().id());
		List<TimeRange> clientBusy = this.appointments.clientBusy(parties.client().id(), window);
		List<TimeRange> planned = new ArrayList<>();
		List<SeriesPlan.Session> sessions = new ArrayList<>();
		for (var replacement : request.replace().entrySet()) {
			// An alternative lies near its session (where alternatives are offered),
			// inside
			// the range read above.
			LocalDate day = LocalDate.ofInstant(replacement.getValue(), zone);
			if (Math.abs(java.time.temporal.ChronoUnit.DAYS.between(replacement.getKey(), day)) > DAYS_EITHER_SIDE) {
				throw new InvalidRequest("The session of " + replacement.getKey() + " can move at most "
						+ DAYS_EITHER_SIDE + " days (to " + day + " it cannot).");
			}
		}
		for (LocalDateTime local : starts) {
			LocalDate date = local.toLocalDate();
			Instant wanted = local.atZone(zone).toInstant();
			if (request.skip().contains(date)) {
				sessions.add(new SeriesPlan.Session(date, wanted, wanted, wanted.plus(parties.service().duration()),
						SeriesPlan.Choice.SKIP, null, null, List.of(), null));
				continue;
			}
			Instant start = request.replace().getOrDefault(date, wanted);
			SeriesPlan.Choice choice = start.equals(wanted) ? SeriesPlan.Choice.BOOK : SeriesPlan.Choice.ALTERNATIVE;
			ProblemException conflict = conflict(parties, request, start, timeOff, therapistBusy, clientBusy, planned);
			if (conflict == null) {
				planned.add(TimeRange.starting(start, parties.service().blocks()));
				sessions.add(new SeriesPlan.Session(date, wanted, start, start.plus(parties.service().duration()),
						choice, null, null, List.of(), (series != null) ? new AppointmentId(UUID.randomUUID()) : null));
			}
			else {
				String rule = (conflict instanceof BookingRefused refused) ? refused.rule()
						: (conflict instanceof SlotTaken taken) ? taken.slug() : "conflict";
				sessions.add(new SeriesPlan.Session(date, wanted, start, start.plus(parties.service().duration()),
						SeriesPlan.Choice.CONFLICT, rule, conflict.getMessage(),
						alternatives(parties, request, local, clientBusy, planned), null));
			}
		}
		return new SeriesPlan(series, request.rule().rrule(starts), sessions);
	}

	/** Why this start cannot be booked for the series, or null. */
	private ProblemException conflict(Parties parties, SeriesRequest request, Instant start, List<TimeRange> timeOff,
			List<TimeRange> therapistBusy, List<TimeRange> clientBusy, List<TimeRange> planned) {
		try {
			this.bookings.check(parties.clinic(), parties.therapist(), parties.service(), request.technique(), start,
					timeOff);
		}
		catch (BookingRefused refused) {
			return refused;
		}
		TimeRange blocked = TimeRange.starting(start, parties.service().blocks());
		TimeRange session = TimeRange.starting(start, parties.service().duration());
		if (therapistBusy.stream().anyMatch(blocked::overlaps)) {
			return SlotTaken.forTherapist();
		}
		if (clientBusy.stream().anyMatch(session::overlaps)) {
			return SlotTaken.forClient();
		}
		if (planned.stream().anyMatch(blocked::overlaps)) {
			return new BookingRefused("series-overlap", "Another session of this series is booked at that time.");
		}
		return null;
	}

	/**
	 * The nearest free starts of the same therapist for the same service: on the
	 * session's own day first (closest to its time), then the days either side.
	 */
	private List<Instant> alternatives(Parties parties, SeriesRequest request, LocalDateTime wanted,
			List<TimeRange> clientBusy, List<TimeRange> planned) {
		List<Instant> found = new ArrayList<>();
		ZoneId zone = parties.clinic().zone();
		for (int offset = 0; offset <= DAYS_EITHER_SIDE && found.size() < ALTERNATIVES; offset++) {
			for (int sign : (offset == 0) ? new int[] { 1 } : new int[] { -1, 1 }) {
				LocalDate day = wanted.toLocalDate().plusDays((long) sign * offset);
				Instant target = day.atTime(wanted.toLocalTime()).atZone(zone).toInstant();
				List<Slot> free;
				try {
					free = this.availability.of(parties.therapist().id(), parties.service().code(), request.technique(),
							day, day);
				}
				catch (ProblemException outsideTheRange) {
					continue;
				}
				free.stream()
					.map(Slot::start)
					.filter(start -> clientBusy.stream()
						.noneMatch(TimeRange.starting(start, parties.service().duration())::overlaps))
					.filter(start -> planned.stream()
						.noneMatch(TimeRange.starting(start, parties.service().blocks())::overlaps))
					.sorted(Comparator.comparing(start -> Duration.between(start, target).abs()))
					.limit(ALTERNATIVES - found.size())
					.forEach(found::add);
			}
		}
		return found;
	}

	private record Parties(Clinic clinic, Therapist therapist, Client client, ServiceType service) {
	}

}
