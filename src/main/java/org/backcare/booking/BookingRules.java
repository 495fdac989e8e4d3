package org.backcare.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.backcare.clinic.BookingWindow;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;

/**
 * The rules a requested start must pass before the database is asked for the time. Each
 * refusal names its rule. Overlap with other appointments is deliberately not checked
 * here: only the exclusion constraint can decide that without a race.
 */
final class BookingRules {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu HH:mm (xxx)");

	/**
	 * @param timeOff the therapist's time off overlapping a range; asked only once the
	 * start is known to be a plausible one, so absurd dates never reach the database
	 */
	void check(Clinic clinic, Therapist therapist, ServiceType service, Technique technique, Instant start,
			Function<TimeRange, List<TimeRange>> timeOff, Instant now) {
		if (!therapist.active()) {
			throw new BookingRefused("therapist-inactive",
					therapist.name() + " no longer takes bookings at " + clinic.name() + ".");
		}
		BookingWindow window = clinic.booking();
		Instant earliest = now.plus(window.minimumNotice());
		if (start.isBefore(earliest)) {
			throw new BookingRefused("too-soon",
					"Sessions must be booked at least " + window.noticeInWords() + " ahead; "
							+ "the earliest possible start is " + WHEN.format(earliest.atZone(clinic.zone())) + ".");
		}
		if (start.isAfter(now.plus(window.horizon()))) {
			throw new BookingRefused("beyond-horizon",
					"Sessions can be booked at most " + window.horizon().toDays() + " days ahead.");
		}
		// Only now is the start known to be near enough to convert safely to local time.
		ZonedDateTime local = start.atZone(clinic.zone());
		if (local.getMinute() % 15 != 0 || local.getSecond() != 0 || local.getNano() != 0) {
			throw new BookingRefused("off-grid",
					"Sessions start on the quarter hour; " + WHEN.format(local) + " is not.");
		}
		LocalDate day = local.toLocalDate();
		if (technique != null && !therapist.certifiedIn(technique, day)) {
			throw new BookingRefused("technique-not-certified",
					therapist.name() + " is not certified in " + technique.displayName() + " on " + day
							+ "; certified techniques: " + therapist.techniques() + ".");
		}
		if (!therapist.licenceValidOn(day)) {
			throw new BookingRefused("licence-not-valid",
					therapist.name() + " has no licence valid on " + day + " and cannot be booked for that day.");
		}
		TimeRange session = TimeRange.starting(start, service.duration());
		if (therapist.hours().on(day, clinic.zone()).stream().noneMatch(open -> open.contains(session))) {
			throw new BookingRefused("outside-working-hours",
					"A " + service.duration().toMinutes() + "-minute session at " + WHEN.format(local) + " is outside "
							+ therapist.name() + "'s working hours.");
		}
		if (timeOff.apply(session).stream().anyMatch(away -> away.overlaps(session))) {
			throw new BookingRefused("therapist-time-off", therapist.name() + " is away at that time.");
		}
	}

}
