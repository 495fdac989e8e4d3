package org.backcare.calendar;

import java.time.LocalDate;
import java.util.List;

import org.backcare.therapist.Therapist;

/**
 * The front desk's week: a row per day, a column per therapist, and in each cell the
 * hours worked, time off and the sessions in order.
 */
record CalendarWeek(List<Therapist> therapists, List<Day> days, int sessions) {

	record Day(LocalDate date, List<Cell> cells) {
	}

	/** One therapist on one day; {@code hours} is empty on a day off. */
	record Cell(Therapist therapist, List<String> hours, List<String> timeOff, List<CalendarCell> sessions) {
	}

}
