package org.backcare.calendar;

import java.time.LocalTime;

import org.backcare.booking.Appointment;
import org.backcare.therapist.Therapist;

/**
 * One block of a therapist's column on the front desk's day: {@code span} rows from
 * {@code row}, from {@code from} to {@code to} local time. A session names its client and
 * service; free time that can still be booked carries the start to offer
 * ({@code bookStart}, ISO with offset).
 */
public record CalendarCell(Kind kind, Therapist therapist, int row, int span, LocalTime from, LocalTime to,
		Appointment appointment, String client, String service, String bookStart) {

	public enum Kind {

		/** Outside the therapist's working hours. */
		CLOSED,
		/** Working hours with nothing booked, still bookable. */
		FREE,
		/** Working hours with nothing booked, but too soon or over. */
		PAST,
		/** Time off. */
		OFF,
		/** A session. */
		SESSION,
		/** The rest after a session (the service's buffer). */
		BUFFER;

		String css() {
			return "cal-" + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public String css() {
		return this.kind.css();
	}

	private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter
		.ofPattern("HH:mm");

	/** "09:00–10:00". */
	public String times() {
		return HH_MM.format(this.from) + "–" + HH_MM.format(this.to);
	}

	public boolean is(String kind) {
		return this.kind.name().equals(kind);
	}

}
