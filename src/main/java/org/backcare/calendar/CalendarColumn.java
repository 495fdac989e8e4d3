package org.backcare.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backcare.booking.Appointment;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;

/**
 * Paints one therapist's column of the day, row by row, the later layer winning: closed,
 * then working hours (free), time off, buffers, sessions. Runs of rows alike become one
 * block. Pure: what it is given is all it knows.
 */
final class CalendarColumn {

	private static final Duration BOOKING_GRID = Duration.ofMinutes(15);

	private CalendarColumn() {
	}

	/**
	 * @param bookableFrom the earliest start that can still be booked (now plus the
	 * minimum notice)
	 */
	static List<CalendarCell> paint(DayGrid grid, Therapist therapist, List<TimeRange> hours, List<TimeRange> timeOff,
			List<Appointment> sessions, Map<String, String> serviceNames, Map<?, String> clientNames,
			Instant bookableFrom) {
		int rows = grid.rows();
		CalendarCell.Kind[] kind = new CalendarCell.Kind[rows];
		Appointment[] owner = new Appointment[rows];
		java.util.Arrays.fill(kind, CalendarCell.Kind.CLOSED);
		hours.forEach(open -> fill(kind, grid, open, CalendarCell.Kind.FREE));
		timeOff.forEach(away -> fill(kind, grid, away, CalendarCell.Kind.OFF));
		for (Appointment session : sessions) {
			for (int row = grid.rowOf(session.end()); row < grid.rowAfter(session.blockedUntil()); row++) {
				kind[row] = CalendarCell.Kind.BUFFER;
				owner[row] = session;
			}
		}
		for (Appointment session : sessions) {
			for (int row = grid.rowOf(session.start()); row < grid.rowAfter(session.end()); row++) {
				kind[row] = CalendarCell.Kind.SESSION;
				owner[row] = session;
			}
		}
		for (int row = 0; row < rows; row++) {
			if (kind[row] == CalendarCell.Kind.FREE && !grid.at(row + 1).isAfter(bookableFrom)) {
				kind[row] = CalendarCell.Kind.PAST;
			}
		}
		List<CalendarCell> cells = new ArrayList<>();
		int first = 0;
		for (int row = 1; row <= rows; row++) {
			if (row == rows || kind[row] != kind[first] || !Objects.equals(owner[row], owner[first])) {
				cells.add(cell(grid, therapist, kind[first], owner[first], first, row, serviceNames, clientNames,
						bookableFrom));
				first = row;
			}
		}
		return cells;
	}

	private static void fill(CalendarCell.Kind[] kind, DayGrid grid, TimeRange range, CalendarCell.Kind as) {
		for (int row = grid.rowOf(range.start()); row < grid.rowAfter(range.end()); row++) {
			kind[row] = as;
		}
	}

	private static CalendarCell cell(DayGrid grid, Therapist therapist, CalendarCell.Kind kind, Appointment session,
			int from, int until, Map<String, String> serviceNames, Map<?, String> clientNames, Instant bookableFrom) {
		String bookStart = null;
		if (kind == CalendarCell.Kind.FREE) {
			// The first quarter hour of the block that can still be booked.
			Instant start = grid.at(from);
			Instant earliest = start.isBefore(bookableFrom) ? bookableFrom : start;
			long quarters = Math.floorDiv(earliest.getEpochSecond() + BOOKING_GRID.getSeconds() - 1,
					BOOKING_GRID.getSeconds());
			Instant offered = Instant.ofEpochSecond(quarters * BOOKING_GRID.getSeconds());
			if (offered.isBefore(grid.at(until))) {
				bookStart = offered.atZone(grid.zone())
					.toOffsetDateTime()
					.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			}
		}
		return new CalendarCell(kind, therapist, from, until - from, grid.localTime(from), grid.localTime(until),
				session, (session != null) ? clientNames.get(session.clientId()) : null,
				(session != null) ? serviceNames.getOrDefault(session.service(), session.service()) : null, bookStart);
	}

}
