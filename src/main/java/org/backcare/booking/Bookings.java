package org.backcare.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.backcare.audit.HealthRecordAccessed;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books, cancels and reschedules appointments. Each change is one transaction: the rules are
 * checked, the write is attempted, and PostgreSQL's exclusion constraints settle any race.
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

	Bookings(AppointmentRepository appointments, IdempotencyKeys idempotencyKeys, Clinics clinics, Therapists therapists,
			Clients clients, BookingPolicy policy, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock, List<BookingGuard> guards) {
		this.appointments = appointments;
		this.idempotencyKeys = idempotencyKeys;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clients = clients;
		this.rules = new BookingRules(policy);
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.guards = List.copyOf(guards);
	}

	public Appointment get(AppointmentId id) {
		return find(id).orElseThrow(() -> new RecordNotFound("Appointment", id));
	}

	public java.util.Optional<Appointment> find(AppointmentId id) {
		return this.appointments.find(id);
	}

	/** The clinic's booked sessions from now on, soonest first. */
	public List<Appointment> upcoming(org.backcare.clinic.ClinicId clinic) {
		return this.appointments.upcoming(clinic, this.clock.instant());
	}

	/** Every appointment of the client, oldest first. */
	public List<Appointment> ofClient(org.backcare.client.ClientId client) {
		return this.appointments.ofClient(client);
	}

	/** Whether the therapist has, or had, any appointment with the client: the reason to see their records. */
	public boolean haveMet(org.backcare.therapist.TherapistId therapist, org.backcare.client.ClientId client) {
		return this.appointments.haveMet(therapist, client);
	}

	/** What the guards have to tell the client before booking (the first that speaks). */
	public java.util.Optional<BookingGuard.Guidance> guidance(org.backcare.client.ClientId client) {
		return this.guards.stream().flatMap(guard -> guard.guidance(client).stream()).findFirst();
	}

	/**
	 * After a client asked for erasure: their future sessions are cancelled (the time is free
	 * again) and free text about them is removed. Past appointments stay, anonymous, for the
	 * clinic's statistics.
	 */
	public void forgetClient(org.backcare.client.ClientId client) {
		this.appointments.forgetClient(client, this.clock.instant());
	}

	/**
	 * Books a session. With an idempotency key, a repeated request (same key, same content)
	 * returns the appointment the first one made instead of booking again. {@code mayBook} checks
	 * the caller's right to book for this client with this therapist, on the records as loaded for
	 * the booking itself (one load, no second query).
	 */
	public Booking book(BookingRequest request, String idempotencyKey,
			java.util.function.BiConsumer<Therapist, Client> mayBook) {
		Therapist therapist = this.therapists.get(request.therapist());
		Client client = this.clients.get(request.client());
		mayBook.accept(therapist, client);
		Clinic clinic = this.clinics.get(therapist.clinicId());
		if (idempotencyKey != null) {
			var earlier = this.idempotencyKeys.find(clinic.id(), idempotencyKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), request);
			}
		}
		try {
			return inTransaction(() -> new Booking(bookOnce(request, idempotencyKey, clinic, therapist, client), false));
		}
		catch (KeyTakenMeanwhile ex) {
			return replay(this.idempotencyKeys.find(clinic.id(), idempotencyKey).orElseThrow(), request);
		}
	}

	private Appointment bookOnce(BookingRequest request, String idempotencyKey, Clinic clinic, Therapist therapist,
			Client client) {
		if (!client.clinicId().equals(clinic.id())) {
			throw new BookingRefused("different-clinic", "The client and the therapist belong to different clinics.");
		}
		this.appointments.queueFor(therapist.id(), client.id());
		AppointmentId id = new AppointmentId(UUID.randomUUID());
		if (idempotencyKey != null
				&& !this.idempotencyKeys.claim(clinic.id(), idempotencyKey, request.fingerprint(), id)) {
			throw new KeyTakenMeanwhile();
		}
		ServiceType service = this.clinics.service(clinic.id(), request.service());
		check(clinic, therapist, service, request.technique(), request.start());
		guard(client.id(), request.technique());
		Appointment appointment = new Appointment(id, clinic.id(), therapist.id(), client.id(), service.code(),
				request.technique(), request.start(), request.start().plus(service.duration()),
				request.start().plus(service.blocks()), AppointmentStatus.BOOKED, null, null, 0);
		this.appointments.insert(appointment);
		this.events.publishEvent(HealthRecordAccessed.of("APPOINTMENT_BOOKED", "appointment", id.value(), clinic.id(),
				client.id()));
		this.events.publishEvent(new AppointmentBooked(id, clinic.id(), therapist.id(), client.id(), service.code(),
				appointment.start(), appointment.end()));
		return appointment;
	}

	private Booking replay(IdempotencyKeys.Claim earlier, BookingRequest request) {
		if (!earlier.fingerprint().equals(request.fingerprint())) {
			throw new IdempotencyKeyReused();
		}
		Appointment appointment = get(earlier.appointment());
		// A replay shows the appointment as it is now: a read of health data like any other.
		this.events.publishEvent(HealthRecordAccessed.of("APPOINTMENT_READ", "appointment", appointment.id().value(),
				appointment.clinicId(), appointment.clientId()));
		return new Booking(appointment, true);
	}

	public Appointment cancel(AppointmentId id, String reason) {
		return inTransaction(() -> {
			Appointment appointment = lockActive(id);
			Instant now = this.clock.instant();
			if (!appointment.start().isAfter(now)) {
				throw new BookingRefused("already-started", "An appointment that has already started cannot be cancelled.");
			}
			this.appointments.cancel(appointment, reason, now);
			this.events.publishEvent(HealthRecordAccessed.of("APPOINTMENT_CANCELLED", "appointment", id.value(),
					appointment.clinicId(), appointment.clientId()));
			this.events.publishEvent(new AppointmentCancelled(id, appointment.clinicId(), appointment.therapistId(),
					appointment.clientId(), appointment.start(), reason));
			return get(id);
		});
	}

	/**
	 * Marks a session as having taken place: only once it has started, and only a booked one.
	 * A completed session is what entitles the client to review their therapist.
	 */
	public Appointment complete(AppointmentId id) {
		return inTransaction(() -> {
			Appointment appointment = lockActive(id);
			Instant now = this.clock.instant();
			if (appointment.start().isAfter(now)) {
				throw new BookingRefused("not-yet-started", "A session can be marked as completed once it has started.");
			}
			this.appointments.complete(appointment, now);
			this.events.publishEvent(HealthRecordAccessed.of("APPOINTMENT_COMPLETED", "appointment", id.value(),
					appointment.clinicId(), appointment.clientId()));
			this.events.publishEvent(new AppointmentCompleted(id, appointment.clinicId(), appointment.therapistId(),
					appointment.clientId(), appointment.start()));
			return get(id);
		});
	}

	/** The therapists the client has had (or has booked) a session with: cancelled ones do not count. */
	public java.util.Set<org.backcare.therapist.TherapistId> therapistsSeenBy(org.backcare.client.ClientId client) {
		return this.appointments.ofClient(client)
			.stream()
			.filter(appointment -> appointment.status() != AppointmentStatus.CANCELLED)
			.map(Appointment::therapistId)
			.collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * Records a session that has already taken place (a clinic bringing its history from another
	 * system, or the demo): stored as completed, so it counts for reviews and continuity. It must
	 * lie in the past; no booking rule applies to history.
	 */
	public Appointment recordPastSession(org.backcare.client.ClientId clientId, org.backcare.therapist.TherapistId therapistId,
			String serviceCode, Technique technique, Instant start) {
		Therapist therapist = this.therapists.get(therapistId);
		Client client = this.clients.get(clientId);
		if (!client.clinicId().equals(therapist.clinicId())) {
			throw new BookingRefused("different-clinic", "The client and the therapist belong to different clinics.");
		}
		ServiceType service = this.clinics.service(therapist.clinicId(), serviceCode);
		Instant end = start.plus(service.duration());
		if (end.isAfter(this.clock.instant())) {
			throw new BookingRefused("not-in-the-past", "Only sessions that have already ended can be recorded as past.");
		}
		Appointment appointment = new Appointment(new AppointmentId(UUID.randomUUID()), therapist.clinicId(), therapistId,
				clientId, service.code(), technique, start, end, start.plus(service.blocks()), AppointmentStatus.COMPLETED,
				null, null, 0);
		return inTransaction(() -> {
			this.appointments.insert(appointment);
			this.appointments.complete(appointment, end);
			return get(appointment.id());
		});
	}

	/** Whether the client has had at least one completed session with the therapist. */
	public boolean haveCompletedSession(org.backcare.therapist.TherapistId therapist, org.backcare.client.ClientId client) {
		return this.appointments.haveCompleted(therapist, client);
	}

	/** Moves an appointment to a new start: the new time is taken and the old freed together, or nothing changes. */
	public Appointment reschedule(AppointmentId id, Instant newStart) {
		return inTransaction(() -> {
			Appointment known = get(id);
			this.appointments.queueFor(known.therapistId(), known.clientId());
			Appointment appointment = lockActive(id);
			if (!appointment.start().isAfter(this.clock.instant())) {
				throw new BookingRefused("already-started", "An appointment that has already started cannot be moved.");
			}
			Clinic clinic = this.clinics.get(appointment.clinicId());
			Therapist therapist = this.therapists.get(appointment.therapistId());
			ServiceType service = this.clinics.service(clinic.id(), appointment.service());
			check(clinic, therapist, service, appointment.technique(), newStart);
			guard(appointment.clientId(), appointment.technique());
			this.appointments.move(appointment, newStart, newStart.plus(service.duration()),
					newStart.plus(service.blocks()));
			this.events.publishEvent(HealthRecordAccessed.of("APPOINTMENT_RESCHEDULED", "appointment", id.value(),
					appointment.clinicId(), appointment.clientId()));
			this.events.publishEvent(new AppointmentRescheduled(id, appointment.clinicId(), appointment.therapistId(),
					appointment.clientId(), appointment.start(), newStart, newStart.plus(service.duration())));
			return get(id);
		});
	}

	private void guard(org.backcare.client.ClientId client, Technique technique) {
		for (BookingGuard guard : this.guards) {
			guard.refusal(client, technique).ifPresent(refusal -> {
				throw new BookingRefused(refusal.rule(), refusal.detail());
			});
		}
	}

	/**
	 * Runs one attempt in a transaction, and runs it again if PostgreSQL chose it as a deadlock
	 * victim: two inserts that conflict on an exclusion constraint at the same instant can each
	 * wait for the other, and one is then aborted (SQLSTATE 40P01) before either could decide.
	 * The retry sees the winner's commit and gets a definite answer.
	 */
	private <T> T inTransaction(java.util.function.Supplier<T> attempt) {
		for (int tries = 1;; tries++) {
			try {
				return this.transaction.execute(status -> attempt.get());
			}
			catch (org.springframework.dao.PessimisticLockingFailureException ex) {
				if (tries == 3) {
					throw ex;
				}
			}
		}
	}

	private Appointment lockActive(AppointmentId id) {
		Appointment appointment = this.appointments.lock(id).orElseThrow(() -> new RecordNotFound("Appointment", id));
		if (!appointment.isActive()) {
			throw new AppointmentNotActive(id, appointment.status());
		}
		return appointment;
	}

	private void check(Clinic clinic, Therapist therapist, ServiceType service, Technique technique, Instant start) {
		this.rules.check(clinic, therapist, service, technique, start,
				session -> this.therapists.timeOff(List.of(therapist.id()), session).get(therapist.id()),
				this.clock.instant());
	}

	/** Another transaction committed the same idempotency key while this one waited for it. */
	private static final class KeyTakenMeanwhile extends RuntimeException {

		KeyTakenMeanwhile() {
			super(null, null, false, false);
		}

	}

}
