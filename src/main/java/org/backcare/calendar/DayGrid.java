package org.backcare.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.backcare.platform.TimeRange;

/**
 * The time axis of one clinic day, drawn to scale: rows of five real minutes from the
 * first hour anyone works to the last, labelled in the clinic's local time. Rows follow
 * real time, not the clock face, so on a daylight-saving day a 60-minute session still
 * covers twelve rows and sits at the row its local start time labels (the missing hour
 * has no rows; the repeated hour has them twice).
 */
final class DayGrid {

	/** Minutes per row: the finest step of any service, buffer or booking grid. */
	static final int ROW_MINUTES = 5;

	private static final Duration ROW = Duration.ofMinutes(ROW_MINUTES);

	private final Instant start;

	private final int rows;

	private final ZoneId zone;

	private DayGrid(Instant start, int rows, ZoneId zone) {
		this.start = start;
		this.rows = rows;
		this.zone = zone;
	}

	/**
	 * The axis covering everything shown (working hours, sessions and their buffers),
	 * widened to whole hours; 08:00 to 18:00 on a day nobody works.
	 */
	static DayGrid covering(LocalDate date, ZoneId zone, List<TimeRange> shown) {
		Instant dayStart = date.atStartOfDay(zone).toInstant();
		Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
		Instant first = shown.stream()
			.map(TimeRange::start)
			.map(at -> at.isBefore(dayStart) ? dayStart : at)
			.min(Instant::compareTo)
			.orElse(date.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant());
		Instant last = shown.stream()
			.map(TimeRange::end)
			.map(at -> at.isAfter(dayEnd) ? dayEnd : at)
			.max(Instant::compareTo)
			.orElse(date.atTime(LocalTime.of(18, 0)).atZone(zone).toInstant());
		// Whole local hours: the row labels then fall on the hour and the half hour.
		Instant from = first.atZone(zone).withMinute(0).withSecond(0).withNano(0).toInstant();
		Instant until = last.atZone(zone).withMinute(0).withSecond(0).withNano(0).toInstant();
		if (until.isBefore(last)) {
			until = until.plus(Duration.ofHours(1));
		}
		if (!until.isAfter(from)) {
			until = from.plus(Duration.ofHours(1));
		}
		return new DayGrid(from, (int) (Duration.between(from, until).toMinutes() / ROW_MINUTES), zone);
	}

	ZoneId zone() {
		return this.zone;
	}

	int rows() {
		return this.rows;
	}

	/** The instant a row begins. */
	Instant at(int row) {
		return this.start.plus(ROW.multipliedBy(row));
	}

	/** The row an instant falls in, kept on the axis. */
	int rowOf(Instant instant) {
		long minutes = Duration.between(this.start, instant).toMinutes();
		return (int) Math.max(0, Math.min(this.rows, Math.floorDiv(minutes, ROW_MINUTES)));
	}

	/** The first row at or after an instant (where something ending then stops). */
	int rowAfter(Instant instant) {
		long seconds = Duration.between(this.start, instant).getSeconds();
		long row = Math.floorDiv(seconds + ROW.getSeconds() - 1, ROW.getSeconds());
		return (int) Math.max(0, Math.min(this.rows, row));
	}

	/** The local wall-clock time of a row's start, as "09:30". */
	LocalTime localTime(int row) {
		return at(row).atZone(this.zone).toLocalTime();
	}

	/**
	 * The rows that start a labelled half hour, with how many rows each label spans (to
	 * the next label or the end).
	 */
	List<int[]> labels() {
		List<int[]> labels = new ArrayList<>();
		for (int row = 0; row < this.rows; row++) {
			if (localTime(row).getMinute() % 30 == 0) {
				labels.add(new int[] { row, 1 });
			}
			else if (!labels.isEmpty()) {
				labels.get(labels.size() - 1)[1]++;
			}
			else {
				labels.add(new int[] { row, 1 });
			}
		}
		return labels;
	}

}
