package org.backcare.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backcare.account.CurrentUser;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.Bookings;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.homecare.HomeCare;
import org.backcare.intake.Intake;
import org.backcare.feedback.Feedbacks;
import org.backcare.feedback.SessionFeedback;
import org.backcare.intake.Intakes;
import org.backcare.notes.SessionNote;
import org.backcare.notes.SessionNotes;
import org.backcare.plan.NextSessionPlans;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's sessions over some days, each with the client's cautions. Every read is
 * audited by the module that owns the record: the schedule and its appointments by
 * booking, each client's latest intake (read once per client, however many sessions they
 * have) by intake, the sessions' notes by notes, the clients' feedback by feedback, the
 * proposals for sessions to come by plan (which reads through those), each client's home
 * care by home care.
 */
@Service
class TherapistDay {

	private final Bookings bookings;

	private final Intakes intakes;

	private final Clients clients;

	private final Clinics clinics;

	private final Clock clock;

	private final SessionNotes notes;

	private final Feedbacks feedbacks;

	private final NextSessionPlans plans;

	private final HomeCare homeCare;

	TherapistDay(Bookings bookings, Intakes intakes, Clients clients, Clinics clinics, Clock clock, SessionNotes notes,
			Feedbacks feedbacks, NextSessionPlans plans, HomeCare homeCare) {
		this.homeCare = homeCare;
		this.notes = notes;
		this.feedbacks = feedbacks;
		this.plans = plans;
		this.bookings = bookings;
		this.intakes = intakes;
		this.clients = clients;
		this.clinics = clinics;
		this.clock = clock;
	}

	/**
	 * In one transaction: every record the day reads is audited, and the entries go to
	 * the database together, in one statement, as it commits.
	 */
	@Transactional
	public List<Session> sessions(CurrentUser caller, Therapist therapist, LocalDate from, LocalDate to) {
		Clinic clinic = this.clinics.get(therapist.clinicId());
		List<Appointment> schedule = this.bookings.schedule(caller, therapist, from, to);
		// Every client's records the day and the proposals ask for one client at a time,
		// read for all of them at once: a dozen statements for the day, not a dozen per
		// client. Each record still reaches the page through its module's checked and
		// audited read.
		List<ClientId> clientsOfDay = schedule.stream().map(Appointment::clientId).distinct().toList();
		if (!clientsOfDay.isEmpty()) {
			this.bookings.readAhead(caller, clientsOfDay);
			this.intakes.readAhead(clientsOfDay);
			this.notes.readAhead(clientsOfDay);
			this.feedbacks.readAhead(clientsOfDay);
			this.homeCare.readAhead(clientsOfDay);
		}
		// Each client's name and latest intake are read once, however many sessions they
		// have.
		Map<ClientId, Optional<Intake>> latest = new HashMap<>();
		Map<ClientId, String> names = new HashMap<>();
		Map<AppointmentId, SessionNote> notes = this.notes.ofSessions(caller, schedule);
		Map<AppointmentId, SessionFeedback> feedback = this.feedbacks.ofSessions(caller, schedule);
		Map<ClientId, SessionFeedback> lastFeedback = this.feedbacks.latestOf(caller,
				schedule.stream().map(Appointment::clientId).distinct().toList());
		Map<AppointmentId, NextSessionPlans.Planned> planned = this.plans.forSessions(caller,
				schedule.stream()
					.filter(appointment -> appointment.isActive() && appointment.start().isAfter(this.clock.instant()))
					.toList());
		// Each client's home care (this week and last), read once per client.
		Map<ClientId, HomeCare.Overview> home = this.homeCare.overviews(caller,
				schedule.stream().map(Appointment::clientId).toList(), 2);
		return schedule.stream().map(appointment -> {
			Optional<Intake> intake = latest.computeIfAbsent(appointment.clientId(),
					client -> this.intakes.latest(caller, client));
			return new Session(appointment,
					names.computeIfAbsent(appointment.clientId(), client -> this.clients.get(client).name()),
					this.clinics.service(clinic.id(), appointment.service()).name(),
					clinic.localTime(appointment.start()), clinic.localTime(appointment.end()),
					intake.map(found -> found.assessment().cautions().stream().map(c -> c.forTherapist()).toList())
						.orElse(List.of()),
					intake
						.map(found -> found.assessment()
							.restricted()
							.keySet()
							.stream()
							.map(Technique::displayName)
							.toList())
						.orElse(List.of()),
					intake.map(found -> found.clearance() != null).orElse(false),
					intake
						.map(found -> found.answers()
							.goals()
							.pressure()
							.name()
							.toLowerCase(Locale.ROOT)
							.replace('_', ' '))
						.orElse(null),
					intake.isPresent(), !appointment.start().isAfter(this.clock.instant()), notes.get(appointment.id()),
					feedback.get(appointment.id()), lastFeedback.get(appointment.clientId()),
					planned.get(appointment.id()), home.get(appointment.clientId()));
		}).toList();
	}

	/**
	 * The caller's sessions held without a signed note a day on, with the client's name.
	 */
	List<Due> notesDue(CurrentUser caller, Clinic clinic) {
		return this.notes.due(caller)
			.stream()
			.map(due -> new Due(due.appointment(), this.clients.get(due.client()).name(),
					clinic.localTime(due.start())))
			.toList();
	}

	/** A note due, as the day shows it. */
	record Due(AppointmentId appointment, String clientName, java.time.OffsetDateTime start) {
	}

	LocalDate today(Therapist therapist) {
		return LocalDate.now(this.clock.withZone(this.clinics.get(therapist.clinicId()).zone()));
	}

}
