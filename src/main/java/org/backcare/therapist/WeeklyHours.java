package org.backcare.therapist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.backcare.platform.TimeRange;

/**
 * A therapist's recurring week in local time, and the real instants it covers on a given
 * date.
 *
 * <p>
 * Daylight-saving changes are why this converts per date rather than adding hours to
 * midnight: 09:00–17:00 stays 09:00–17:00 on the wall clock whether the day has 23, 24 or
 * 25 hours. A local time inside a spring-forward gap is pushed later by the length of the
 * gap (02:30 becomes 03:30), as {@link java.time.LocalDateTime#atZone} does; an interval
 * that lies wholly inside the gap therefore does not exist that day. A start inside a
 * fall-back overlap takes the earlier instant and an end the later one, so the interval
 * covers every real minute the therapist is there.
 */
public record WeeklyHours(List<WorkingInterval> intervals) {

	public WeeklyHours {
		intervals = intervals.stream()
			.sorted(Comparator.comparing(WorkingInterval::day).thenComparing(WorkingInterval::starts))
			.toList();
	}

	public List<TimeRange> on(LocalDate date, ZoneId zone) {
		List<TimeRange> open = new ArrayList<>();
		for (WorkingInterval interval : this.intervals) {
			if (interval.day() != date.getDayOfWeek()) {
				continue;
			}
			Instant start = date.atTime(interval.starts()).atZone(zone).withEarlierOffsetAtOverlap().toInstant();
			Instant end = date.atTime(interval.ends()).atZone(zone).withLaterOffsetAtOverlap().toInstant();
			if (end.isAfter(start)) {
				open.add(new TimeRange(start, end));
			}
		}
		return open;
	}

}
