package org.backcare.therapist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.backcare.platform.TimeRange;

/**
 * A therapist's recurring week in local time, and the real instants it covers on a given date.
 *
 * <p>Daylight-saving changes are why this converts per date rather than adding hours to
 * midnight: 09:00–17:00 stays 09:00–17:00 on the wall clock whether the day has 23, 24 or 25
 * hours. A local time inside a spring-forward gap moves to the first instant after the gap; a
 * start inside a fall-back overlap takes the earlier instant and an end the later one, so the
 * interval covers every real minute the therapist is there.
 */
public record WeeklyHours(List<WorkingInterval> intervals) {

	public WeeklyHours {
		intervals = intervals.stream()
			.sorted(Comparator.comparing(WorkingInterval::day).thenComparing(WorkingInterval::starts))
			.toList();
	}

	public List<TimeRange> on(LocalDate date, ZoneId zone) {
		return this.intervals.stream()
			.filter(interval -> interval.day() == date.getDayOfWeek())
			.map(interval -> new TimeRange(date.atTime(interval.starts()).atZone(zone).withEarlierOffsetAtOverlap().toInstant(),
					date.atTime(interval.ends()).atZone(zone).withLaterOffsetAtOverlap().toInstant()))
			.toList();
	}

}
