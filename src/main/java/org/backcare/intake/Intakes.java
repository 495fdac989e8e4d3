package org.backcare.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.Assessment;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.Recommendation.Phase;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.platform.ReadAhead;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.RuleRefused;
import org.backcare.therapist.Technique;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake module's public face. Who may do what with an intake:
 * <ul>
 * <li>submit one: the client themselves, or the clinic's front desk entering a paper
 * form;</li>
 * <li>read one: the client, the clinic's admins, and therapists who have (or had) an
 * appointment with the client;</li>
 * <li>record a medical clearance or override the recommendation: the clinic's admins and
 * those therapists.</li>
 * </ul>
 * Anyone else is told the record does not exist. Every read, change and refusal is
 * audited.
 */
@Service
public class Intakes {

	private final IntakeRepository intakes;

	private final Clients clients;

	private final Clinics clinics;

	private final Bookings bookings;

	private final RecordAccess access;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	Intakes(IntakeRepository intakes, Clients clients, Clinics clinics, Bookings bookings, RecordAccess access,
			Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.intakes = intakes;
		this.clients = clients;
		this.clinics = clinics;
		this.bookings = bookings;
		this.access = access;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	public Intake submit(CurrentUser caller, ClientId clientId, IntakeAnswers answers) {
		return submit(caller, clientId, answers, null);
	}

	/**
	 * Submits an intake; with a request key (a form's own), submitting the same key again
	 * returns the intake the first submission stored instead of storing a second.
	 */
	public Intake submit(CurrentUser caller, ClientId clientId, IntakeAnswers answers, String requestKey) {
		return submit(caller, clientId, answers, requestKey, null);
	}

	/**
	 * Enters a paper intake the client filled in at {@code answeredAt} (the front desk
	 * only; at most a year back): a clinic moving to BackCare brings its clients' first
	 * answers, the baseline their progress is measured from.
	 */
	public Intake submitFromPaper(CurrentUser caller, ClientId clientId, IntakeAnswers answers, Instant answeredAt) {
		if (!caller.is(org.backcare.account.Role.ADMIN)) {
			throw new Forbidden("Paper intakes are entered by the front desk.");
		}
		Instant now = this.clock.instant();
		if (answeredAt.isAfter(now) || answeredAt.isBefore(now.minus(java.time.Duration.ofDays(366)))) {
			throw new InvalidRequest("A paper intake was answered within the last year, not in the future.");
		}
		return submit(caller, clientId, answers, null, answeredAt);
	}

	private Intake submit(CurrentUser caller, ClientId clientId, IntakeAnswers answers, String requestKey,
			Instant answeredAt) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		Instant now = (answeredAt != null) ? answeredAt : this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clinics.get(client.clinicId()).zone());
		int age = Period.between(client.dateOfBirth(), today).getYears();
		Assessment assessment = Assessment.of(answers, age);
		IntakeId id = new IntakeId(UUID.randomUUID());
		return this.transaction.execute(status -> {
			this.access.check(caller, RecordAction.INTAKE_SUBMITTED, record(id, client.clinicId(), clientId),
					submitters(client));
			client.ensureNotErased();
			if (!this.intakes.insert(id, client.clinicId(), clientId, now, caller.id().value(), answers, assessment,
					requestKey)) {
				return this.intakes.byRequestKey(caller.id().value(), requestKey)
					.flatMap(this.intakes::find)
					.orElseThrow();
			}
			if (!assessment.redFlags().isEmpty()) {
				this.events.publishEvent(new IntakeFoundRedFlags(client.clinicId(), clientId, id));
			}
			return new Intake(id, client.clinicId(), clientId, now, answers, assessment, null, List.of());
		});
	}

	/** The intake, if the caller may see it; the read is audited. */
	public Intake read(CurrentUser caller, IntakeId id) {
		Intake intake = this.intakes.find(id).orElseThrow(() -> new RecordNotFound("Intake", id));
		this.access.check(caller, RecordAction.INTAKE_READ, record(intake),
				careTeam(intake.clientId(), intake.clinicId(), () -> new RecordNotFound("Intake", id)));
		return intake;
	}

	/**
	 * Reads the intakes of all the clients at once, for this transaction's
	 * {@link #latest} and {@link #all} (each still checked and audited) to answer from:
	 * for a page that shows many clients' records ({@link ReadAhead}).
	 */
	public void readAhead(Collection<ClientId> clients) {
		this.intakes.readAhead(clients);
	}

	/** The client's most recent intake, if any and if the caller may see it. */
	public Optional<Intake> latest(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		Optional<Intake> latest = this.intakes.latest(clientId);
		this.access.check(caller, RecordAction.INTAKE_READ,
				latest.map(Intakes::record).orElse(HealthRecord.client(client.clinicId(), clientId)),
				careTeam(clientId, client.clinicId(), () -> new RecordNotFound("Client", clientId)));
		return latest;
	}

	public List<Intake> all(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		this.access.check(caller, RecordAction.INTAKE_READ, HealthRecord.client(client.clinicId(), clientId),
				careTeam(clientId, client.clinicId(), () -> new RecordNotFound("Client", clientId)));
		return this.intakes.ofClient(clientId);
	}

	/**
	 * Every intake of the caller's clinic, the earliest first, for the clinic's outcome
	 * figures (counts, no names): the clinic's admins only, one audited read of the
	 * clinic's outcomes.
	 */
	public List<Intake> ofClinic(CurrentUser caller) {
		ClinicId clinic = caller.clinic();
		this.access.check(caller, RecordAction.INTAKE_READ,
				new HealthRecord(HealthRecord.Type.CLINIC_OUTCOMES, clinic.value(), clinic, null),
				who -> who.isAdminOf(clinic) ? null : new Forbidden("The clinic's outcomes are for its admins."));
		return this.intakes.ofClinic(clinic);
	}

	/**
	 * The client's intakes, the latest first, for work BackCare does itself (deciding
	 * whether to ask for a follow-up by mail): audited as the system's read.
	 */
	public List<Intake> allBySystem(ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		this.access.bySystem(RecordAction.INTAKE_READ, HealthRecord.client(client.clinicId(), clientId));
		return this.intakes.ofClient(clientId);
	}

	/** A doctor's all-clear after a referral; lets the client book. One per intake. */
	public Intake clear(CurrentUser caller, IntakeId id, String clearedBy, LocalDate clearedOn, String note) {
		Intake intake = this.intakes.find(id).orElseThrow(() -> new RecordNotFound("Intake", id));
		return this.transaction.execute(status -> {
			// First the caller's right (a stranger learns nothing of the intake), then
			// its rules.
			this.access.check(caller, RecordAction.MEDICAL_CLEARANCE_RECORDED, record(intake), staff(intake));
			if (!intake.assessment().referral().blocksBooking()) {
				throw new IntakeRefused("no-referral",
						"This intake asked for no referral, so there is nothing to clear.");
			}
			ZoneId zone = this.clinics.get(intake.clinicId()).zone();
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
			if (clearedOn.isAfter(today) || clearedOn.isBefore(LocalDate.ofInstant(intake.submittedAt(), zone))) {
				throw new InvalidRequest("clearedOn must lie between the day of the intake and today.");
			}
			if (!this.intakes.clear(intake.clinicId(), intake.clientId(), id, this.clock.instant(), caller.id().value(),
					caller.email(), clearedBy.strip(), clearedOn, (note == null) ? "" : note.strip())) {
				throw new IntakeRefused(HttpStatus.CONFLICT, "already-cleared",
						"A medical clearance is already recorded for this intake.");
			}
			return this.intakes.find(id).orElseThrow();
		});
	}

	/**
	 * Replaces the recommended techniques and schedule, with a reason; earlier overrides
	 * are kept. A technique the client's contraindications rule out cannot be chosen.
	 */
	public Intake override(CurrentUser caller, IntakeId id, List<Technique> techniques, Phase phase, String note) {
		Intake intake = this.intakes.find(id).orElseThrow(() -> new RecordNotFound("Intake", id));
		return this.transaction.execute(status -> {
			this.access.check(caller, RecordAction.RECOMMENDATION_OVERRIDDEN, record(intake), staff(intake));
			List<Technique> ruledOut = techniques.stream()
				.filter(intake.assessment().restricted()::containsKey)
				.toList();
			if (!ruledOut.isEmpty()) {
				throw new IntakeRefused("technique-contraindicated",
						ruledOut.stream()
							.map(t -> t.displayName() + " is ruled out: " + intake.assessment().restricted().get(t))
							.reduce((a, b) -> a + "; " + b)
							.orElseThrow() + ".");
			}
			this.intakes.override(intake.clinicId(), id, this.clock.instant(), caller.id().value(), caller.email(),
					techniques.stream().distinct().toList(), phase, note.strip());
			return this.intakes.find(id).orElseThrow();
		});
	}

	/**
	 * The clinic's clients as the caller may see them, each with their latest intake (or
	 * none): every client for the front desk, the clients they have met for a therapist.
	 * Each intake shown is an audited read.
	 */
	public List<ClientAssessment> overview(CurrentUser caller) {
		if (caller.client() != null) {
			throw new Forbidden("The list of clients is for the clinic's staff.");
		}
		return this.clients.current(caller.clinic())
			.stream()
			.filter(client -> this.bookings.inCareTeam(caller, client.id(), client.clinicId()))
			.map(client -> {
				Optional<Intake> latest = this.intakes.latest(client.id());
				latest.ifPresent(intake -> this.access.check(caller, RecordAction.INTAKE_READ, record(intake),
						careTeam(client.id(), client.clinicId(), () -> new RecordNotFound("Intake", intake.id()))));
				return new ClientAssessment(client, latest.orElse(null));
			})
			.toList();
	}

	/** A client and their latest intake, null if they have not filled one in. */
	public record ClientAssessment(Client client, Intake latest) {
	}

	/** The intake as the audit log names it. */
	private static HealthRecord record(Intake intake) {
		return record(intake.id(), intake.clinicId(), intake.clientId());
	}

	private static HealthRecord record(IntakeId id, ClinicId clinic, ClientId client) {
		return new HealthRecord(HealthRecord.Type.INTAKE, id.value(), clinic, client);
	}

	/**
	 * Readers: the client's care team (the client, the clinic's admins, therapists who
	 * have met them).
	 */
	private AccessRule careTeam(ClientId client, ClinicId clinic, Supplier<ProblemException> otherwise) {
		return caller -> this.bookings.inCareTeam(caller, client, clinic) ? null : otherwise.get();
	}

	/**
	 * Who fills one in: the client, or the front desk from a paper form. A colleague
	 * therapist is told why not.
	 */
	private static AccessRule submitters(Client client) {
		return caller -> (caller.isClient(client.id()) || caller.isAdminOf(client.clinicId())) ? null
				: (caller.therapist() != null && caller.clinic().equals(client.clinicId()))
						? new Forbidden("Intakes are filled in by the client, or entered by the front desk.")
						: new RecordNotFound("Client", client.id());
	}

	/**
	 * Clearances and overrides: the clinic's admins and therapists who have met the
	 * client; the client is told why not.
	 */
	private AccessRule staff(Intake intake) {
		return caller -> (caller.isAdminOf(intake.clinicId())
				|| this.bookings.treats(caller, intake.clientId(), intake.clinicId())) ? null
						: caller.isClient(intake.clientId()) ? new Forbidden("Only the clinic's staff can record this.")
								: new RecordNotFound("Intake", intake.id());
	}

	/** A clinical rule refused the change; {@code rule} names which one. */
	static class IntakeRefused extends RuleRefused {

		IntakeRefused(String rule, String detail) {
			this(HttpStatus.UNPROCESSABLE_CONTENT, rule, detail);
		}

		IntakeRefused(HttpStatus status, String rule, String detail) {
			super(status, "intake-refused", "Refused", rule, detail);
		}

	}

}
