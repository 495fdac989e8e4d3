package org.backcare.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.backcare.clinic.Clinic;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.StartOfWork;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

/**
 * The earliest free slots of one day across a clinic, without working out every
 * therapist's day.
 *
 * <p>
 * No therapist is free before their working day begins. So therapists are taken in the
 * order their day begins (ties by id), a page at a time, and their free slots worked out;
 * the search stops as soon as the slots it needs all come before the next therapist's day
 * even begins — nobody not yet looked at can offer anything sooner. When most therapists
 * are free early, the first page or two decide it, however many therapists the clinic
 * has; a day booked solid is looked at whole.
 */
final class FirstFreeSearch {

	/** The first page; each next one twice as long, up to {@link #LONGEST_PAGE}. */
	private static final int FIRST_PAGE = 16;

	private static final int LONGEST_PAGE = 1024;

	/** Slots sooner first, ties in the order the therapists were paged in. */
	static final Comparator<Slot> SOONEST = Comparator.comparing(Slot::start)
		.thenComparing(Slot::therapist, TherapistId.AS_STORED);

	private final Therapists therapists;

	private final AppointmentRepository appointments;

	private final Clinic clinic;

	private final ServiceType service;

	private final Technique technique;

	private final Instant earliest;

	private final Instant latest;

	FirstFreeSearch(Therapists therapists, AppointmentRepository appointments, Clinic clinic, ServiceType service,
			Technique technique, Instant earliest, Instant latest) {
		this.therapists = therapists;
		this.appointments = appointments;
		this.clinic = clinic;
		this.service = service;
		this.technique = technique;
		this.earliest = earliest;
		this.latest = latest;
	}

	/** At most {@code wanted} of the day's earliest free slots, soonest first. */
	List<Slot> on(LocalDate day, int wanted) {
		ZoneId zone = this.clinic.zone();
		if (!day.plusDays(1).atStartOfDay(zone).toInstant().isAfter(this.earliest)) {
			return List.of();
		}
		List<Slot> slots = new ArrayList<>();
		StartOfWork last = null;
		int page = Math.max(FIRST_PAGE, wanted);
		while (true) {
			List<StartOfWork> starts = this.therapists.byStartOfWork(this.clinic.id(), day.getDayOfWeek(),
					this.technique, last, page);
			slots.addAll(freeSlots(starts.stream().map(StartOfWork::therapist).toList(), day));
			slots.sort(SOONEST);
			if (starts.size() < page) {
				break;
			}
			last = starts.get(starts.size() - 1);
			if (slots.size() >= wanted && nobodyLaterIsSooner(slots.get(wanted - 1), last, day)) {
				break;
			}
			page = Math.min(2 * page, LONGEST_PAGE);
		}
		return List.copyOf(slots.subList(0, Math.min(wanted, slots.size())));
	}

	/**
	 * Whether every therapist after {@code last} in the paging order can only offer slots
	 * after {@code slot}: their day begins at {@code last}'s start or later, and at the
	 * same start only with a later id. Local times map to instants in order, except in a
	 * spring-forward gap: a time in it is pushed later by the gap (02:30 is taken as
	 * 03:30) while a later local time just after it is not (03:00), so for a start in a
	 * gap the bound is the instant the gap begins. Only a start in a gap or an overlap
	 * can share its instant with another local time, so there the tie is not trusted.
	 */
	private boolean nobodyLaterIsSooner(Slot slot, StartOfWork last, LocalDate day) {
		LocalDateTime local = day.atTime(last.starts());
		ZoneRules rules = this.clinic.zone().getRules();
		ZoneOffsetTransition change = rules.getTransition(local);
		Instant begins = (change != null && change.isGap()) ? change.getInstant()
				: local.atZone(this.clinic.zone()).toInstant();
		if (slot.start().isBefore(begins)) {
			return true;
		}
		return change == null && slot.start().equals(begins)
				&& TherapistId.AS_STORED.compare(slot.therapist(), last.therapist()) <= 0;
	}

	private List<Slot> freeSlots(List<TherapistId> ids, LocalDate day) {
		if (ids.isEmpty()) {
			return List.of();
		}
		ZoneId zone = this.clinic.zone();
		// From a day before (buffers and offsets reaching into the day), but not before
		// the earliest start offered: what is over by then cannot matter, and what is
		// kept of each therapist (their time off from now on) then answers.
		Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
		TimeRange window = new TimeRange(from.isBefore(this.earliest) ? this.earliest : from,
				day.plusDays(2).atStartOfDay(zone).toInstant());
		List<Therapist> found = this.therapists.get(ids)
			.stream()
			.filter(Therapist::active)
			.filter(therapist -> this.technique == null || therapist.certifiedIn(this.technique))
			.toList();
		List<TherapistId> able = found.stream().map(Therapist::id).toList();
		Map<TherapistId, List<TimeRange>> away = this.therapists.timeOff(able, window);
		Map<TherapistId, List<TimeRange>> busy = this.appointments.busy(able, window);
		List<Slot> slots = new ArrayList<>();
		for (Therapist therapist : found) {
			for (Instant start : FreeSlots.of(therapist, this.service, zone, day, day, away.get(therapist.id()),
					busy.get(therapist.id()), this.earliest, this.latest)) {
				slots.add(new Slot(therapist.id(), therapist.name(), start, start.plus(this.service.duration())));
			}
		}
		return slots;
	}

}
