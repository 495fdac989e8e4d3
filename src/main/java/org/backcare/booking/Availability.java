package org.backcare.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Service;

/**
 * Answers "when can I come?": free start times of one therapist, or the first free ones
 * across every therapist certified in a technique. Dates are the clinic's local dates,
 * both included.
 */
@Service
public class Availability {

	private final Clinics clinics;

	private final Therapists therapists;

	private final AppointmentRepository appointments;

	private final Clock clock;

	Availability(Clinics clinics, Therapists therapists, AppointmentRepository appointments, Clock clock) {
		this.clinics = clinics;
		this.therapists = therapists;
		this.appointments = appointments;
		this.clock = clock;
	}

	public List<Slot> of(TherapistId id, String serviceCode, Technique technique, LocalDate from, LocalDate to) {
		Therapist therapist = this.therapists.get(id);
		return of(therapist, this.clinics.offered(therapist.clinicId(), serviceCode), technique, from, to);
	}

	/**
	 * Free times to move a session already booked to: its service may since have been
	 * withdrawn, and still has its length.
	 */
	public List<Slot> toMove(Appointment session, TherapistId to, LocalDate from, LocalDate until) {
		Therapist therapist = this.therapists.get(to);
		return of(therapist, this.clinics.service(therapist.clinicId(), session.service()), session.technique(), from,
				until);
	}

	private List<Slot> of(Therapist therapist, ServiceType service, Technique technique, LocalDate from, LocalDate to) {
		if (technique != null && !therapist.certifiedIn(technique)) {
			throw new BookingRefused("technique-not-certified",
					therapist.name() + " is not certified in " + technique.displayName() + ".");
		}
		Clinic clinic = this.clinics.get(therapist.clinicId());
		return compute(clinic, List.of(therapist), service, from, to);
	}

	/**
	 * The earliest free slots across all therapists certified in the technique (any
	 * therapist when none is given), soonest first: day by day, each day searched in the
	 * order the therapists' working days begin ({@link FirstFreeSearch}).
	 */
	public List<Slot> firstFree(ClinicId clinicId, Technique technique, String serviceCode, LocalDate from,
			LocalDate to, int limit) {
		Clinic clinic = this.clinics.get(clinicId);
		ServiceType service = this.clinics.offered(clinic.id(), serviceCode);
		checkRange(clinic, from, to);
		Instant now = this.clock.instant();
		FirstFreeSearch search = new FirstFreeSearch(this.therapists, this.appointments, clinic, service, technique,
				now.plus(clinic.booking().minimumNotice()), now.plus(clinic.booking().horizon()));
		List<Slot> found = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to) && found.size() < limit; day = day.plusDays(1)) {
			found.addAll(search.on(day, limit - found.size()));
		}
		return found;
	}

	/**
	 * The next free slots of every therapist of the clinic, at most {@code perTherapist}
	 * each.
	 */
	public Map<TherapistId, List<Slot>> nextFree(ClinicId clinicId, String serviceCode, int days, int perTherapist) {
		Clinic clinic = this.clinics.get(clinicId);
		LocalDate today = today(clinic);
		Map<TherapistId, List<Slot>> next = new LinkedHashMap<>();
		for (Slot slot : compute(clinic, this.therapists.all(clinicId), this.clinics.offered(clinicId, serviceCode),
				today, today.plusDays(days - 1))) {
			List<Slot> mine = next.computeIfAbsent(slot.therapist(), id -> new ArrayList<>());
			if (mine.size() < perTherapist) {
				mine.add(slot);
			}
		}
		return next;
	}

	/** Today in the clinic: the default start of an availability question. */
	public LocalDate today(Clinic clinic) {
		return LocalDate.now(this.clock.withZone(clinic.zone()));
	}

	/**
	 * Every free slot of the candidates in the range, soonest first, their data fetched
	 * in a fixed number of queries however many they are.
	 */
	private List<Slot> compute(Clinic clinic, List<Therapist> candidates, ServiceType service, LocalDate from,
			LocalDate to) {
		checkRange(clinic, from, to);
		// A therapist who has left the clinic has no free time.
		candidates = candidates.stream().filter(Therapist::active).toList();
		if (candidates.isEmpty()) {
			return List.of();
		}
		// A day before and after the local dates covers every offset and every buffer
		// reaching in.
		TimeRange window = new TimeRange(from.minusDays(1).atStartOfDay(clinic.zone()).toInstant(),
				to.plusDays(2).atStartOfDay(clinic.zone()).toInstant());
		List<TherapistId> ids = candidates.stream().map(Therapist::id).toList();
		Map<TherapistId, List<TimeRange>> away = this.therapists.timeOff(ids, window);
		Map<TherapistId, List<TimeRange>> busy = this.appointments.busy(ids, window);
		Instant now = this.clock.instant();
		Instant earliest = now.plus(clinic.booking().minimumNotice());
		Instant latest = now.plus(clinic.booking().horizon());
		List<Slot> found = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			LocalDate date = day;
			candidates.stream()
				.flatMap(therapist -> FreeSlots
					.of(therapist, service, clinic.zone(), date, date, away.get(therapist.id()),
							busy.get(therapist.id()), earliest, latest)
					.stream()
					.map(start -> new Slot(therapist.id(), therapist.name(), start, start.plus(service.duration()))))
				.sorted(FirstFreeSearch.SOONEST)
				.forEach(found::add);
		}
		return found;
	}

	/** Refuses a range that is reversed, too long, or too far from today. */
	private void checkRange(Clinic clinic, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidRequest("The range ends (" + to + ") before it starts (" + from + ").");
		}
		if (ChronoUnit.DAYS.between(from, to) >= BookingPolicy.MAX_RANGE_DAYS) {
			throw new InvalidRequest("Ask for at most " + BookingPolicy.MAX_RANGE_DAYS + " days at a time.");
		}
		LocalDate today = today(clinic);
		LocalDate last = today.plusDays(clinic.booking().horizon().toDays());
		if (from.isBefore(today.minusYears(1)) || to.isAfter(last.plusYears(1))) {
			throw new InvalidRequest("Dates must lie between " + today.minusYears(1) + " and " + last.plusYears(1)
					+ "; bookings open up to " + last + ".");
		}
	}

}
