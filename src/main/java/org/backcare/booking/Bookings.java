package org.backcare.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.backcare.account.CurrentUser;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.ClinicPolicies;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books, cancels and reschedules appointments. Each change is one transaction: the rules
 * are checked, the write is attempted, and PostgreSQL's exclusion constraints settle any
 * race.
 */
@Service
public class Bookings {

	private final AppointmentRepository appointments;

	private final IdempotencyKeys idempotencyKeys;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clients clients;

	private final BookingRules rules;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final List<BookingGuard> guards;

	private final RecordAccess access;

	Bookings(AppointmentRepository appointments, IdempotencyKeys idempotencyKeys, Clinics clinics,
			Therapists therapists, Clients clients, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, List<BookingGuard> guards, RecordAccess access) {
		this.access = access;
		this.appointments = appointments;
		this.idempotencyKeys = idempotencyKeys;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clients = clients;
		this.rules = new BookingRules();
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.guards = List.copyOf(guards);
	}

	public Appointment get(AppointmentId id) {
		return find(id).orElseThrow(() -> new RecordNotFound("Appointment", id));
	}

	public Optional<Appointment> find(AppointmentId id) {
		return this.appointments.find(id);
	}

	/**
	 * The appointment once any change in progress to it has committed or rolled back (a
	 * share lock, held until the caller's transaction ends): for work that must act on
	 * what a concurrent move or cancellation leaves, such as a reminder.
	 */
	public Optional<Appointment> findSettled(AppointmentId id) {
		return this.appointments.settled(id);
	}

	/**
	 * An appointment already loaded, shown to the caller if they may see it; audited as a
	 * read.
	 */
	public Appointment shown(CurrentUser caller, Appointment appointment) {
		this.access.check(caller, RecordAction.APPOINTMENT_READ, AppointmentAccess.record(appointment),
				AppointmentAccess.parties(appointment));
		return appointment;
	}

	/**
	 * The appointment, if the caller may see it; the read (or the refusal) is audited.
	 */
	public Appointment read(CurrentUser caller, AppointmentId id) {
		return shown(caller, get(id));
	}

	/** The clinic a therapist works at (404 for an unknown therapist). */
	public ClinicId therapistClinic(TherapistId therapist) {
		return this.therapists.get(therapist).clinicId();
	}

	/** The clinic's booked sessions from now on, soonest first. */
	public List<Appointment> upcoming(ClinicId clinic) {
		return this.appointments.upcoming(clinic, this.clock.instant());
	}

	/** A booked session, and when it was booked or last moved. */
	public record BookedSession(Appointment session, Instant bookedOrMovedAt) {
	}

	/**
	 * The clinics' booked sessions that start after {@code after} and by {@code until},
	 * in one query across the clinics (for work planned ahead, as reminders).
	 */
	public List<BookedSession> bookedStarting(Collection<ClinicId> clinics, Instant after, Instant until) {
		return this.appointments.bookedStarting(clinics, after, until);
	}

	/** The therapist's booked sessions from now on, soonest first. */
	public List<Appointment> upcomingOf(TherapistId therapist) {
		return this.appointments.upcomingOf(therapist, this.clock.instant());
	}

	/** The longest reason for booking a treatment without a current intake. */
	public static final int MAX_WAIVER_LENGTH = 500;

	/** At most this many days of a schedule at once. */
	public static final int MAX_SCHEDULE_DAYS = 31;

	/**
	 * A therapist's appointments on the clinic-local dates {@code from} to {@code to}
	 * (both included), soonest first: for the therapist themselves and the clinic's
	 * admins (a colleague is told why not; anyone else learns nothing). The schedule and
	 * each appointment on it are audited reads.
	 */
	public List<Appointment> schedule(CurrentUser caller, Therapist therapist, LocalDate from, LocalDate to) {
		this.access.check(caller, RecordAction.SCHEDULE_READ,
				new HealthRecord(HealthRecord.Type.SCHEDULE, therapist.id().value(), therapist.clinicId(), null),
				who -> (who.isAdminOf(therapist.clinicId()) || who.isTherapist(therapist.id())) ? null
						: !who.clinic().equals(therapist.clinicId()) ? new RecordNotFound("Therapist", therapist.id())
								: new Forbidden(
										"Only the therapist and the clinic's admins see a therapist's schedule."));
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_SCHEDULE_DAYS) {
			throw new InvalidRequest("Ask for 1 to " + MAX_SCHEDULE_DAYS + " days, 'to' not before 'from'.");
		}
		Clinic clinic = this.clinics.get(therapist.clinicId());
		TimeRange window = new TimeRange(from.atStartOfDay(clinic.zone()).toInstant(),
				to.plusDays(1).atStartOfDay(clinic.zone()).toInstant());
		List<Appointment> schedule = this.appointments.ofTherapist(therapist.id(), window);
		schedule.forEach(appointment -> shown(caller, appointment));
		return schedule;
	}

	/** Every appointment of the client, oldest first. */
	public List<Appointment> ofClient(ClientId client) {
		return this.appointments.ofClient(client);
	}

	/**
	 * Reads the sessions of all the clients at once, for this transaction's
	 * {@link #ofClient} to answer from, and remembers which of them the caller (a
	 * therapist) has met: for a page that shows many clients' records
	 * ({@link org.backcare.platform.ReadAhead}).
	 */
	public void readAhead(CurrentUser caller, Collection<ClientId> clients) {
		this.appointments.readAhead(clients, caller.therapist())
			.forEach(client -> MetInThisRequest.remember(caller.therapist(), client));
	}

	/**
	 * Whether the therapist has, or had, any appointment with the client: the reason to
	 * see their records.
	 */
	public boolean haveMet(TherapistId therapist, ClientId client) {
		if (MetInThisRequest.known(therapist, client)) {
			return true;
		}
		boolean met = this.appointments.haveMet(therapist, client);
		if (met) {
			MetInThisRequest.remember(therapist, client);
		}
		return met;
	}

	/**
	 * Whether the caller is in the client's care team: the client themselves, the admins
	 * of the client's clinic, and the clinic's therapists who have (or had) a session
	 * with the client. They, and nobody else, may see the client's health records.
	 */
	public boolean inCareTeam(CurrentUser caller, ClientId client, ClinicId clinic) {
		return caller.isClient(client) || caller.isAdminOf(clinic) || treats(caller, client, clinic);
	}

	/**
	 * Whether the caller is a therapist of the client's clinic who has (or had) a session
	 * with them.
	 */
	public boolean treats(CurrentUser caller, ClientId client, ClinicId clinic) {
		return caller.therapist() != null && caller.clinic().equals(clinic) && haveMet(caller.therapist(), client);
	}

	/** What the guards have to tell the client before booking (the first that speaks). */
	public Optional<BookingGuard.Guidance> guidance(ClientId client) {
		return this.guards.stream().flatMap(guard -> guard.guidance(client).stream()).findFirst();
	}

	/**
	 * Books a session. With an idempotency key, a repeated request (same key, same
	 * content) returns the appointment the first one made instead of booking again. The
	 * caller's right to book for this client with this therapist is checked on the
	 * records as loaded for the booking itself (one load, no second query). A null caller
	 * is BackCare itself (the demo clinic).
	 */
	public Booking book(BookingRequest request, String idempotencyKey, CurrentUser caller) {
		Therapist therapist = this.therapists.get(request.therapist());
		Client client = this.clients.get(request.client());
		Clinic clinic = this.clinics.get(therapist.clinicId());
		if (idempotencyKey != null) {
			var earlier = this.idempotencyKeys.find(clinic.id(), idempotencyKey);
			if (earlier.isPresent()) {
				return replay(caller, earlier.get(), request);
			}
		}
		try {
			return inTransaction(
					() -> new Booking(bookOnce(caller, request, idempotencyKey, clinic, therapist, client), false));
		}
		catch (KeyTakenMeanwhile ex) {
			return replay(caller, this.idempotencyKeys.find(clinic.id(), idempotencyKey).orElseThrow(), request);
		}
	}

	private Appointment bookOnce(CurrentUser caller, BookingRequest request, String idempotencyKey, Clinic clinic,
			Therapist therapist, Client client) {
		AppointmentId id = new AppointmentId(UUID.randomUUID());
		if (caller != null) {
			this.access.check(caller, RecordAction.APPOINTMENT_BOOKED,
					AppointmentAccess.record(id, clinic.id(), client.id()),
					AppointmentAccess.bookers(therapist, client));
		}
		else {
			this.access.bySystem(RecordAction.APPOINTMENT_BOOKED,
					AppointmentAccess.record(id, clinic.id(), client.id()));
		}
		client.ensureNotErased();
		if (!client.clinicId().equals(clinic.id())) {
			throw new BookingRefused("different-clinic", "The client and the therapist belong to different clinics.");
		}
		// The therapist's and client's turn is taken by the insert itself (one round
		// trip): everything before it only reads.
		if (idempotencyKey != null
				&& !this.idempotencyKeys.claim(clinic.id(), idempotencyKey, request.fingerprint(), id)) {
			throw new KeyTakenMeanwhile();
		}
		ServiceType service = this.clinics.offered(clinic.id(), request.service());
		check(clinic, therapist, service, request.technique(), request.start());
		guard(client.id(), request.technique());
		Appointment appointment = new Appointment(id, clinic.id(), therapist.id(), client.id(), service.code(),
				request.technique(), request.start(), request.start().plus(service.duration()),
				request.start().plus(service.blocks()), AppointmentStatus.BOOKED, null, null, 0);
		boolean waived = intakeBeforeTreatment(caller, clinic, client, service, request, appointment);
		// Published before the insert: the writes its listeners leave pending (the
		// client's notice) go in the insert's own statement, one round trip for all.
		this.events.publishEvent(new AppointmentBooked(id, clinic.id(), therapist.id(), client.id(), service.code(),
				appointment.start(), appointment.end()));
		this.appointments.insert(appointment);
		if (waived) {
			this.appointments.recordIntakeWaiver(appointment, request.intakeWaiver().strip(), caller.id().value());
		}
		return appointment;
	}

	/**
	 * The clinic's rule "intake before treatment": a treatment (anything but a first
	 * consultation) for a client without a current intake is refused, unless the front
	 * desk gives a reason, which is audited and kept with the appointment.
	 * @return whether the rule was waived for this booking
	 */
	boolean intakeBeforeTreatment(CurrentUser caller, Clinic clinic, Client client, ServiceType service,
			BookingRequest request, Appointment appointment) {
		if (ServiceType.FIRST_CONSULTATION.equals(service.code())) {
			return false;
		}
		Optional<BookingGuard.Refusal> refusal = beforeTreatment(client.id(), clinic.id());
		if (refusal.isEmpty()) {
			return false;
		}
		if (request.intakeWaiver() == null || request.intakeWaiver().isBlank() || caller == null) {
			throw new BookingRefused(refusal.get().rule(), refusal.get().detail());
		}
		if (request.intakeWaiver().strip().length() > MAX_WAIVER_LENGTH) {
			throw new InvalidRequest("Say why in at most " + MAX_WAIVER_LENGTH + " characters.");
		}
		this.access.check(caller, RecordAction.INTAKE_REQUIREMENT_WAIVED, AppointmentAccess.record(appointment),
				who -> who.isAdminOf(clinic.id()) ? null
						: new Forbidden("Only the front desk can book a treatment without a current intake."));
		return true;
	}

	/**
	 * Why the client may not yet book a treatment in the clinic (only a first
	 * consultation), or empty when they may.
	 */
	public Optional<BookingGuard.Refusal> beforeTreatment(ClientId client, ClinicId clinic) {
		if (!this.clinics.policies(clinic).intakeBeforeTreatment()) {
			return Optional.empty();
		}
		return this.guards.stream().flatMap(guard -> guard.beforeTreatment(client).stream()).findFirst();
	}

	/** Why the session was booked without a current intake, if it was. */
	public Optional<String> intakeWaiver(Appointment appointment) {
		return this.appointments.intakeWaiver(appointment);
	}

	private Booking replay(CurrentUser caller, IdempotencyKeys.Claim earlier, BookingRequest request) {
		if (!earlier.fingerprint().equals(request.fingerprint())) {
			throw new IdempotencyKeyReused();
		}
		// A replay shows the appointment as it is now: a read of health data like any
		// other.
		return new Booking((caller != null) ? read(caller, earlier.appointment()) : get(earlier.appointment()), true);
	}

	/** Cancels a booked session that has not started; its time is free again at once. */
	/**
	 * Cancels a booked session that has not started. Inside the clinic's cancellation
	 * window a client cannot cancel online (they are told how to reach the clinic); the
	 * front desk and the therapist can, and the cancellation is recorded as late.
	 */
	public Appointment cancel(CurrentUser caller, AppointmentId id, String reason) {
		return inTransaction(() -> {
			Appointment appointment = lockActive(caller, RecordAction.APPOINTMENT_CANCELLED, id,
					AppointmentAccess::parties);
			Instant now = this.clock.instant();
			if (!appointment.start().isAfter(now)) {
				throw new BookingRefused("already-started",
						"An appointment that has already started cannot be cancelled.");
			}
			boolean onTime = withinPolicy(caller, appointment, now, "cancel");
			this.appointments.cancel(appointment, reason, now, !onTime);
			this.events.publishEvent(new AppointmentCancelled(id, appointment.clinicId(), appointment.therapistId(),
					appointment.clientId(), appointment.start(), appointment.end(), reason,
					byClient(caller, appointment)));
			return get(id);
		});
	}

	private static boolean byClient(CurrentUser caller, Appointment appointment) {
		return caller != null && caller.isClient(appointment.clientId());
	}

	/**
	 * Whether the session may still be changed online under the clinic's cancellation
	 * window. Inside it a client is refused (with how to reach the clinic instead); staff
	 * may go on, and false tells them the change is a late one.
	 */
	private boolean withinPolicy(CurrentUser caller, Appointment appointment, Instant now, String change) {
		ClinicPolicies policies = this.clinics.policies(appointment.clinicId());
		boolean onTime = policies.mayChangeOnline(appointment.start(), now);
		if (!onTime && caller.isClient(appointment.clientId())) {
			Clinic clinic = this.clinics.get(appointment.clinicId());
			throw new BookingRefused("inside-cancellation-window", "Sessions can be cancelled or moved online up to "
					+ CancellationPolicy.describe(policies.cancellationWindow()) + " before they start. To " + change
					+ " this one, please call or visit " + clinic.name() + " (" + clinic.address() + ").");
		}
		return onTime;
	}

	/**
	 * Marks that the client did not come: only once the session has started, only a
	 * booked one, and only by its therapist or the front desk. It counts in the client's
	 * attendance.
	 */
	public Appointment noShow(CurrentUser caller, AppointmentId id) {
		return inTransaction(() -> {
			Appointment appointment = lockActive(caller, RecordAction.APPOINTMENT_NO_SHOW, id,
					AppointmentAccess::treatingParties);
			Instant now = this.clock.instant();
			if (appointment.start().isAfter(now)) {
				throw new BookingRefused("not-yet-started",
						"A client can be marked as not come once the session has started.");
			}
			this.appointments.noShow(appointment, now);
			return get(id);
		});
	}

	/**
	 * Marks a session as having taken place: only once it has started, and only a booked
	 * one. A completed session is what entitles the client to review their therapist.
	 */
	public Appointment complete(CurrentUser caller, AppointmentId id) {
		return inTransaction(() -> {
			Appointment appointment = lockActive(caller, RecordAction.APPOINTMENT_COMPLETED, id,
					AppointmentAccess::treatingParties);
			Instant now = this.clock.instant();
			if (appointment.start().isAfter(now)) {
				throw new BookingRefused("not-yet-started",
						"A session can be marked as completed once it has started.");
			}
			this.appointments.complete(appointment, now);
			this.events.publishEvent(new AppointmentCompleted(id, appointment.clinicId(), appointment.therapistId(),
					appointment.clientId(), appointment.start(), appointment.end()));
			return get(id);
		});
	}

	/**
	 * The therapists the client has had (or has booked) a session with: cancelled ones do
	 * not count.
	 */
	public Set<TherapistId> therapistsSeenBy(ClientId client) {
		return this.appointments.ofClient(client)
			.stream()
			.filter(appointment -> appointment.status() != AppointmentStatus.CANCELLED)
			.map(Appointment::therapistId)
			.collect(Collectors.toSet());
	}

	/**
	 * Records a session that has already taken place (a clinic bringing its history from
	 * another system, or the demo): stored as completed, so it counts for reviews and
	 * continuity. It must lie in the past; no booking rule applies to history.
	 */
	public Appointment recordPastSession(ClientId clientId, TherapistId therapistId, String serviceCode,
			Technique technique, Instant start) {
		Therapist therapist = this.therapists.get(therapistId);
		Client client = this.clients.get(clientId).ensureNotErased();
		if (!client.clinicId().equals(therapist.clinicId())) {
			throw new BookingRefused("different-clinic", "The client and the therapist belong to different clinics.");
		}
		ServiceType service = this.clinics.service(therapist.clinicId(), serviceCode);
		Instant end = start.plus(service.duration());
		if (end.isAfter(this.clock.instant())) {
			throw new BookingRefused("not-in-the-past",
					"Only sessions that have already ended can be recorded as past.");
		}
		Appointment appointment = new Appointment(new AppointmentId(UUID.randomUUID()), therapist.clinicId(),
				therapistId, clientId, service.code(), technique, start, end, start.plus(service.blocks()),
				AppointmentStatus.COMPLETED, null, null, 0);
		// Inserted as completed: history, never a booking (so a therapist who has since
		// left can still have theirs recorded).
		return inTransaction(() -> {
			this.appointments.insertCompleted(appointment, end);
			return get(appointment.id());
		});
	}

	/** Whether the client has had at least one completed session with the therapist. */
	public boolean haveCompletedSession(TherapistId therapist, ClientId client) {
		return this.appointments.haveCompleted(therapist, client);
	}

	/**
	 * Moves an appointment to a new start: the new time is taken and the old freed
	 * together, or nothing changes.
	 */
	public Appointment reschedule(CurrentUser caller, AppointmentId id, Instant newStart) {
		return move(caller, id, null, newStart);
	}

	/**
	 * Moves an appointment to a new start, and (front desk only) to another therapist of
	 * the clinic, qualified for its technique: one update, checked by the same rules and
	 * held by the same exclusion constraints as a new booking, so the old time is freed
	 * and the new one taken together, or nothing changes. A null therapist keeps the
	 * session's own.
	 */
	public Appointment move(CurrentUser caller, AppointmentId id, TherapistId newTherapist, Instant newStart) {
		return inTransaction(() -> {
			Appointment known = get(id);
			this.appointments.queueFor((newTherapist != null) ? newTherapist : known.therapistId(), known.clientId());
			// The therapist is read from the locked row: a reassignment that committed
			// meanwhile is kept, not undone.
			Appointment appointment = lockActive(caller, RecordAction.APPOINTMENT_RESCHEDULED, id,
					locked -> (newTherapist == null || newTherapist.equals(locked.therapistId()))
							? AppointmentAccess.parties(locked) : AppointmentAccess.reassigners(locked));
			TherapistId target = (newTherapist != null) ? newTherapist : appointment.therapistId();
			if (!appointment.start().isAfter(this.clock.instant())) {
				throw new BookingRefused("already-started", "An appointment that has already started cannot be moved.");
			}
			withinPolicy(caller, appointment, this.clock.instant(), "move");
			Clinic clinic = this.clinics.get(appointment.clinicId());
			Therapist therapist = this.therapists.find(target)
				.filter(found -> found.clinicId().equals(clinic.id()))
				.orElseThrow(() -> new RecordNotFound("Therapist", target));
			ServiceType service = this.clinics.service(clinic.id(), appointment.service());
			check(clinic, therapist, service, appointment.technique(), newStart);
			guard(appointment.clientId(), appointment.technique());
			this.appointments.move(appointment, therapist.id(), newStart, newStart.plus(service.duration()),
					newStart.plus(service.blocks()));
			this.events.publishEvent(new AppointmentRescheduled(id, appointment.clinicId(), therapist.id(),
					appointment.clientId(), appointment.start(), newStart, newStart.plus(service.duration()),
					appointment.therapistId(), appointment.end(), byClient(caller, appointment)));
			return get(id);
		});
	}

	/**
	 * Every appointment of the clinic on the clinic-local dates {@code from} to
	 * {@code to}: the front desk's calendar, for the clinic's admins only. One audited
	 * read of the clinic's calendar (one entry, however many sessions it shows), one
	 * query.
	 */
	public List<Appointment> clinicCalendar(CurrentUser caller, ClinicId clinicId, LocalDate from, LocalDate to) {
		this.access.check(caller, RecordAction.CALENDAR_READ,
				new HealthRecord(HealthRecord.Type.CLINIC_CALENDAR, clinicId.value(), clinicId, null),
				who -> who.isAdminOf(clinicId) ? null
						: new Forbidden("Only the clinic's front desk sees the whole clinic's calendar."));
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_SCHEDULE_DAYS) {
			throw new InvalidRequest("Ask for 1 to " + MAX_SCHEDULE_DAYS + " days, 'to' not before 'from'.");
		}
		Clinic clinic = this.clinics.get(clinicId);
		return this.appointments.ofClinic(clinicId, new TimeRange(from.atStartOfDay(clinic.zone()).toInstant(),
				to.plusDays(1).atStartOfDay(clinic.zone()).toInstant()));
	}

	void guard(ClientId client, Technique technique) {
		for (BookingGuard guard : this.guards) {
			guard.refusal(client, technique).ifPresent(refusal -> {
				throw new BookingRefused(refusal.rule(), refusal.detail());
			});
		}
	}

	/**
	 * Runs one attempt in a transaction, and runs it again if PostgreSQL chose it as a
	 * deadlock victim: two inserts that conflict on an exclusion constraint at the same
	 * instant can each wait for the other, and one is then aborted (SQLSTATE 40P01)
	 * before either could decide. The retry sees the winner's commit and gets a definite
	 * answer.
	 */
	<T> T inTransaction(Supplier<T> attempt) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// Part of a larger change (a series): a deadlock aborts the whole
			// transaction, so
			// the outer change retries, not this step.
			return attempt.get();
		}
		for (int tries = 1;; tries++) {
			try {
				return this.transaction.execute(status -> attempt.get());
			}
			catch (PessimisticLockingFailureException ex) {
				if (tries == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Locks the appointment for a change, checks (and audits) the caller's right to make
	 * it, and only then says whether it can still be changed: a stranger learns nothing
	 * of its status.
	 */
	private Appointment lockActive(CurrentUser caller, RecordAction change, AppointmentId id,
			Function<Appointment, AccessRule> rule) {
		Appointment appointment = this.appointments.lock(id).orElseThrow(() -> new RecordNotFound("Appointment", id));
		this.access.check(caller, change, AppointmentAccess.record(appointment), rule.apply(appointment));
		if (!appointment.isActive()) {
			throw new AppointmentNotActive(id, appointment.status());
		}
		return appointment;
	}

	/**
	 * The booking rules for one start, against time off already read for a longer range
	 * (a series reads it once for all its sessions).
	 */
	void check(Clinic clinic, Therapist therapist, ServiceType service, Technique technique, Instant start,
			List<TimeRange> knownTimeOff) {
		this.rules.check(clinic, therapist, service, technique, start,
				session -> knownTimeOff.stream().filter(away -> away.overlaps(session)).toList(), this.clock.instant());
	}

	void check(Clinic clinic, Therapist therapist, ServiceType service, Technique technique, Instant start) {
		this.rules.check(clinic, therapist, service, technique, start,
				session -> this.therapists.timeOff(List.of(therapist.id()), session).get(therapist.id()),
				this.clock.instant());
	}

	/**
	 * Another transaction committed the same idempotency key while this one waited for
	 * it.
	 */
	static final class KeyTakenMeanwhile extends RuntimeException {

		KeyTakenMeanwhile() {
			super(null, null, false, false);
		}

	}

}
