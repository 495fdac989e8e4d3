package org.backcare.waitlist;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.backcare.booking.Appointment;
import org.backcare.booking.Availability;
import org.backcare.booking.BookingPolicy;
import org.backcare.booking.Bookings;
import org.backcare.booking.Slot;
import org.backcare.clinic.Clinic;
import org.backcare.platform.ProblemException;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;

import org.springframework.stereotype.Component;

/**
 * The first time a therapist could give a waiting client their session starting inside
 * some period: free for the therapist as a booking would find it (hours, time off,
 * licence, notice, buffers), inside one of the client's windows, and clear of the
 * client's own other sessions.
 */
@Component
class FittingTimes {

	private final Availability availability;

	private final Bookings bookings;

	FittingTimes(Availability availability, Bookings bookings) {
		this.availability = availability;
		this.bookings = bookings;
	}

	Optional<Slot> first(WaitRequest request, Therapist therapist, TimeRange within, Clinic clinic) {
		if (!therapist.active() || (request.therapist() != null && !request.therapist().equals(therapist.id()))
				|| (request.technique() != null && !therapist.certifiedIn(request.technique()))) {
			return Optional.empty();
		}
		LocalDate today = this.availability.today(clinic);
		LocalDate from = latest(request.firstDay(), clinic.localDate(within.start()), today);
		LocalDate to = request.lastDay().isBefore(clinic.localDate(within.end())) ? request.lastDay()
				: clinic.localDate(within.end());
		List<TimeRange> ownSessions = this.bookings.ofClient(request.client())
			.stream()
			.filter(Appointment::isActive)
			.map(Appointment::session)
			.toList();
		for (LocalDate chunk = from; !chunk.isAfter(to); chunk = chunk.plusDays(BookingPolicy.MAX_RANGE_DAYS)) {
			LocalDate last = chunk.plusDays(BookingPolicy.MAX_RANGE_DAYS - 1);
			List<Slot> free;
			try {
				free = this.availability.of(therapist.id(), request.service(), request.technique(), chunk,
						last.isAfter(to) ? to : last);
			}
			catch (ProblemException withdrawnOrOutOfRange) {
				return Optional.empty();
			}
			// A time that starts inside the freed time: a cancelled 10:00 is offered at
			// 10:00 (or, for a shorter service, later in that hour), never at 09:15.
			Optional<Slot> fitting = free.stream().filter(slot -> {
				TimeRange session = new TimeRange(slot.start(), slot.end());
				return !slot.start().isBefore(within.start()) && slot.start().isBefore(within.end())
						&& request.wants(slot.start().atZone(clinic.zone()), slot.end().atZone(clinic.zone()))
						&& ownSessions.stream().noneMatch(session::overlaps);
			}).findFirst();
			if (fitting.isPresent()) {
				return fitting;
			}
		}
		return Optional.empty();
	}

	private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
		LocalDate later = a.isAfter(b) ? a : b;
		return later.isAfter(c) ? later : c;
	}

}
