package org.backcare.calendar;

import java.time.LocalDate;
import java.util.List;

import org.backcare.therapist.Therapist;

/**
 * The front desk's week: a row per day, a column per therapist, and in each cell the
 * hours worked, time off and the sessions in order. Public, as are the day's view
 * records, only so that the template's expressions on them can be compiled (Spring's
 * expression compiler calls accessors of public types only); nothing outside this module
 * uses them.
 */
public record CalendarWeek(List<Therapist> therapists, List<Day> days, int sessions) {

	public record Day(LocalDate date, List<Cell> cells) {
	}

	/** One therapist on one day; {@code hours} is empty on a day off. */
	public record Cell(Therapist therapist, List<String> hours, List<String> timeOff, List<Entry> sessions) {

		/** "Works 09:00–12:00, 13:00–17:00", or "Not working". */
		public String works() {
			return this.hours.isEmpty() ? "Not working" : "Works " + String.join(", ", this.hours);
		}

	}

	/**
	 * One session as the week shows it, ready to print: the appointment's id, "09:00
	 * Client" and the service. Prepared in Java, because a week holds over a thousand and
	 * every expression the template evaluates per session counts.
	 */
	public record Entry(String id, String label, String service) {
	}

}
