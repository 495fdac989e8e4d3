package org.backcare.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.backcare.therapist.Therapist;

/**
 * The front desk's day: the therapists as columns, rows of {@link DayGrid#ROW_MINUTES}
 * minutes, and for each row the blocks that begin on it (in column order) and the time
 * label that begins on it, if any.
 */
public record CalendarDay(LocalDate date, List<Therapist> therapists, List<Row> rows, int sessions) {

	public record Row(int index, LocalTime time, int labelSpan, List<CalendarCell> cells) {

		public boolean labelled() {
			return this.labelSpan > 0;
		}

	}

}
