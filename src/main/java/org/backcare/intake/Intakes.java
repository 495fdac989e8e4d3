package org.backcare.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.audit.HealthRecordAccessed;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinics;
import org.backcare.intake.Recommendation.Phase;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Technique;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake module's public face. Who may do what with an intake:
 * <ul>
 * <li>submit one: the client themselves, or the clinic's front desk entering a paper form;</li>
 * <li>read one: the client, the clinic's admins, and therapists who have (or had) an appointment
 * with the client;</li>
 * <li>record a medical clearance or override the recommendation: the clinic's admins and those
 * therapists.</li>
 * </ul>
 * Anyone else is told the record does not exist. Every read, change and refusal is audited.
 */
@Service
public class Intakes {

	static final String READ = "INTAKE_READ";

	private final IntakeRepository intakes;

	private final Clients clients;

	private final Clinics clinics;

	private final Bookings bookings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Intakes(IntakeRepository intakes, Clients clients, Clinics clinics, Bookings bookings,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.intakes = intakes;
		this.clients = clients;
		this.clinics = clinics;
		this.bookings = bookings;
		this.events = events;
		this.clock = clock;
		// Checks run before the transaction, so an audited refusal is not rolled back with it.
		this.transaction = new TransactionTemplate(transactions);
	}

	public Intake submit(CurrentUser caller, ClientId clientId, IntakeAnswers answers) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		if (!caller.isClient(clientId) && !caller.isAdminOf(client.clinicId())) {
			refused("INTAKE_SUBMITTED", "client", clientId.value(), client);
			if (caller.therapist() != null && caller.clinic().equals(client.clinicId())) {
				throw new Forbidden("Intakes are filled in by the client, or entered by the front desk.");
			}
			throw new RecordNotFound("Client", clientId);
		}
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clinics.get(client.clinicId()).zone());
		int age = Period.between(client.dateOfBirth(), today).getYears();
		Assessment assessment = Assessment.of(answers, age);
		IntakeId id = new IntakeId(UUID.randomUUID());
		this.transaction.executeWithoutResult(status -> {
			this.intakes.insert(id, client.clinicId(), clientId, now, caller.id().value(), answers, assessment);
			this.events.publishEvent(HealthRecordAccessed.of("INTAKE_SUBMITTED", "intake", id.value(), client.clinicId(),
					clientId));
		});
		return new Intake(id, client.clinicId(), clientId, now, answers, assessment, null, List.of());
	}

	/** The intake, if the caller may see it; the read is audited. */
	public Intake read(CurrentUser caller, IntakeId id) {
		Intake intake = this.intakes.find(id).orElseThrow(() -> new RecordNotFound("Intake", id));
		mayRead(caller, intake.clientId(), intake.clinicId(), READ, id.value());
		return intake;
	}

	/** The client's most recent intake, if any and if the caller may see it. */
	public Optional<Intake> latest(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		mayRead(caller, clientId, client.clinicId(), READ, clientId.value());
		return this.intakes.latest(clientId);
	}

	public List<Intake> all(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		mayRead(caller, clientId, client.clinicId(), READ, clientId.value());
		return this.intakes.ofClient(clientId);
	}

	/** A doctor's all-clear after a referral; lets the client book. One per intake. */
	public Intake clear(CurrentUser caller, IntakeId id, String clearedBy, LocalDate clearedOn, String note) {
		Intake intake = this.intakes.find(id).orElseThrow(() -> new RecordNotFound("Intake", id));
		mayTreat(caller, intake, "MEDICAL_CLEARANCE_RECORDED");
		if (!intake.assessment().referral().blocksBooking()) {
			throw new IntakeRefused("no-referral", "This intake asked for no referral, so there is nothing to clear.");
		}
		java.time.ZoneId zone = this.clinics.get(intake.clinicId()).zone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		if (clearedOn.isAfter(today) || clearedOn.isBefore(LocalDate.ofInstant(intake.submittedAt(), zone))) {
			throw new InvalidRequest("clearedOn must lie between the day of the intake and today.");
		}
		return this.transaction.execute(status -> {
			if (!this.intakes.clear(intake.clinicId(), id, this.clock.instant(), caller.id().value(), caller.email(),
					clearedBy.strip(), clearedOn, (note == null) ? "" : note.strip())) {
				throw new IntakeRefused(HttpStatus.CONFLICT, "already-cleared",
						"A medical clearance is already recorded for this intake.");
			}
			this.events.publishEvent(HealthRecordAccessed.of("MEDICAL_CLEARANCE_RECORDED", "intake", id.value(),
					intake.clinicId(), intake.clientId()));
			return this.intakes.find(id).orElseThrow();
		});
	}

	/**
	 * Replaces the recommended techniques and schedule, with a reason; earlier overrides are kept.
	 * A technique the client's contraindications rule out cannot be chosen.
	 */
	public Intake override(CurrentUser caller, IntakeId id, List<Technique> techniques, Phase phase, String note) {
		Intake intake = this.intakes.find(id).orElseThrow(() -> new RecordNotFound("Intake", id));
		mayTreat(caller, intake, "RECOMMENDATION_OVERRIDDEN");
		List<Technique> ruledOut = techniques.stream()
			.filter(intake.assessment().restricted()::containsKey)
			.toList();
		if (!ruledOut.isEmpty()) {
			throw new IntakeRefused("technique-contraindicated", ruledOut.stream()
				.map(t -> t.displayName() + " is ruled out: " + intake.assessment().restricted().get(t))
				.reduce((a, b) -> a + "; " + b)
				.orElseThrow() + ".");
		}
		return this.transaction.execute(status -> {
			this.intakes.override(intake.clinicId(), id, this.clock.instant(), caller.id().value(), caller.email(),
					techniques.stream().distinct().toList(), phase, note.strip());
			this.events.publishEvent(HealthRecordAccessed.of("RECOMMENDATION_OVERRIDDEN", "intake", id.value(),
					intake.clinicId(), intake.clientId()));
			return this.intakes.find(id).orElseThrow();
		});
	}

	/**
	 * The clinic's clients as the caller may see them, each with their latest intake (or none):
	 * every client for the front desk, the clients they have met for a therapist. Each intake shown
	 * is an audited read.
	 */
	public List<ClientAssessment> overview(CurrentUser caller) {
		if (caller.client() != null) {
			throw new Forbidden("The list of clients is for the clinic's staff.");
		}
		return this.clients.all(caller.clinic())
			.stream()
			.filter(client -> caller.isAdminOf(client.clinicId()) || treats(caller, client.id(), client.clinicId()))
			.map(client -> {
				Optional<Intake> latest = this.intakes.latest(client.id());
				latest.ifPresent(intake -> this.events.publishEvent(HealthRecordAccessed.of(READ, "intake",
						intake.id().value(), intake.clinicId(), intake.clientId())));
				return new ClientAssessment(client, latest.orElse(null));
			})
			.toList();
	}

	/** A client and their latest intake, null if they have not filled one in. */
	public record ClientAssessment(Client client, Intake latest) {
	}


	/** Erasure: every intake of the client, with scores, clearances and overrides, is deleted. */
	@Transactional
	public int forgetClient(ClientId client) {
		return this.intakes.forgetClient(client);
	}

	/** The client's own intakes, for their data export (no check: the export is for themselves). */
	public List<Intake> exportOf(ClientId client) {
		return this.intakes.ofClient(client);
	}

	private void mayRead(CurrentUser caller, ClientId clientId, org.backcare.clinic.ClinicId clinic, String action,
			UUID record) {
		boolean allowed = caller.isClient(clientId) || caller.isAdminOf(clinic) || treats(caller, clientId, clinic);
		this.events.publishEvent(new HealthRecordAccessed(action, "intake", record, clinic, clientId, !allowed));
		if (!allowed) {
			throw new RecordNotFound("Intake", record);
		}
	}

	private void mayTreat(CurrentUser caller, Intake intake, String action) {
		if (caller.isAdminOf(intake.clinicId()) || treats(caller, intake.clientId(), intake.clinicId())) {
			return;
		}
		this.events.publishEvent(new HealthRecordAccessed(action, "intake", intake.id().value(), intake.clinicId(),
				intake.clientId(), true));
		if (caller.isClient(intake.clientId())) {
			throw new Forbidden("Only the clinic's staff can record this.");
		}
		throw new RecordNotFound("Intake", intake.id());
	}

	private boolean treats(CurrentUser caller, ClientId client, org.backcare.clinic.ClinicId clinic) {
		return caller.therapist() != null && caller.clinic().equals(clinic)
				&& this.bookings.haveMet(caller.therapist(), client);
	}

	private void refused(String action, String type, UUID record, Client client) {
		this.events.publishEvent(new HealthRecordAccessed(action, type, record, client.clinicId(), client.id(), true));
	}

	/** A clinical rule refused the change; {@code rule} names which one. */
	static class IntakeRefused extends org.backcare.platform.RuleRefused {

		IntakeRefused(String rule, String detail) {
			this(HttpStatus.UNPROCESSABLE_CONTENT, rule, detail);
		}

		IntakeRefused(HttpStatus status, String rule, String detail) {
			super(status, "intake-refused", "Refused", rule, detail);
		}

	}

}
