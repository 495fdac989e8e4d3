package org.backcare.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backcare.account.CurrentUser;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Availability;
import org.backcare.booking.Bookings;
import org.backcare.booking.Slot;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.platform.Forbidden;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.RuleRefused;
import org.backcare.review.ReviewSummaries;
import org.backcare.review.Reviews;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Gathers what the ranking weighs — the client's latest intake, the clinic's therapists,
 * their reviews, their first free consultation and whom the client has seen — in a fixed
 * number of queries, and ranks. A client sees their own matches; the front desk any
 * client's.
 */
@Service
class Matches {

	private final Clients clients;

	private final Clinics clinics;

	private final Therapists therapists;

	private final Intakes intakes;

	private final Reviews reviews;

	private final Availability availability;

	private final Bookings bookings;

	private final RecordAccess access;

	Matches(Clients clients, Clinics clinics, Therapists therapists, Intakes intakes, Reviews reviews,
			Availability availability, Bookings bookings, RecordAccess access) {
		this.clients = clients;
		this.clinics = clinics;
		this.therapists = therapists;
		this.intakes = intakes;
		this.reviews = reviews;
		this.availability = availability;
		this.bookings = bookings;
		this.access = access;
	}

	record MatchList(ClientNeeds needs, List<Match> matches, List<Ranking.Excluded> excluded) {
	}

	MatchList forClient(CurrentUser caller, ClientId clientId) {
		Client client = this.clients.find(clientId).orElseThrow(() -> new RecordNotFound("Client", clientId));
		this.access.check(caller, RecordAction.MATCHES_READ, HealthRecord.client(client.clinicId(), clientId),
				who -> (who.isClient(clientId) || who.isAdminOf(client.clinicId())) ? null
						: (who.therapist() != null && who.clinic().equals(client.clinicId()))
								? new Forbidden("Therapist matches are for the client and the front desk.")
								: new RecordNotFound("Client", clientId));
		client.ensureNotErased();
		Optional<Intake> intake = this.intakes.latest(caller, clientId);
		if (intake.isPresent() && !intake.get().mayBook()) {
			throw new MatchRefused(intake.get().assessment().referralAdvice());
		}
		ClientNeeds needs = intake.map(Matches::needs).orElse(ClientNeeds.withoutIntake());
		Clinic clinic = this.clinics.get(client.clinicId());
		LocalDate today = this.availability.today(clinic);
		ReviewSummaries summaries = this.reviews.summaries(clinic.id());
		Map<TherapistId, List<Slot>> free = this.availability.nextFree(clinic.id(), ServiceType.FIRST_CONSULTATION,
				Ranking.HORIZON_DAYS, 1);
		Set<TherapistId> seen = this.bookings.therapistsSeenBy(clientId);
		List<Candidate> candidates = new ArrayList<>();
		for (Therapist therapist : this.therapists.all(clinic.id())) {
			Instant first = free.getOrDefault(therapist.id(), List.of())
				.stream()
				.findFirst()
				.map(Slot::start)
				.orElse(null);
			candidates.add(new Candidate(therapist, summaries.byTherapist().get(therapist.id()), first,
					(first != null) ? LocalDate.ofInstant(first, clinic.zone()) : null, seen.contains(therapist.id())));
		}
		Ranking.Result ranked = Ranking.rank(candidates, needs, today, summaries.clinicMean());
		return new MatchList(needs, ranked.matches(), ranked.excluded());
	}

	private static ClientNeeds needs(Intake intake) {
		List<Technique> recommended = intake.techniques();
		var goals = intake.answers().goals();
		return new ClientNeeds(true, recommended, goals.language(), goals.therapistGender());
	}

	/** The client must see a doctor before anyone can be matched with them. */
	static class MatchRefused extends RuleRefused {

		MatchRefused(String advice) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "booking-refused", "See a doctor first", "medical-referral",
					advice);
		}

	}

}
