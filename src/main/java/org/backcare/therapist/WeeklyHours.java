package org.backcare.therapist;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.backcare.platform.InvalidRequest;
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

	/** At most this many intervals a day. */
	public static final int MAX_PER_DAY = 4;

	/**
	 * The week as the front desk set it, refused with what is wrong: a time off the
	 * quarter hour, two intervals of a day that overlap, too many intervals a day.
	 */
	public static WeeklyHours checked(List<WorkingInterval> intervals) {
		WeeklyHours week = new WeeklyHours(intervals);
		WorkingInterval previous = null;
		int sameDay = 0;
		for (WorkingInterval interval : week.intervals) {
			for (LocalTime time : List.of(interval.starts(), interval.ends())) {
				if (time.getMinute() % 15 != 0 || time.getSecond() != 0 || time.getNano() != 0) {
					throw new InvalidRequest(
							"Hours go by the quarter hour: " + time + " on " + name(interval.day()) + " is not one.");
				}
			}
			sameDay = (previous != null && previous.day() == interval.day()) ? sameDay + 1 : 1;
			if (sameDay > MAX_PER_DAY) {
				throw new InvalidRequest(
						"At most " + MAX_PER_DAY + " stretches of work a day (" + name(interval.day()) + ").");
			}
			if (previous != null && previous.day() == interval.day() && interval.starts().isBefore(previous.ends())) {
				throw new InvalidRequest("On " + name(interval.day()) + ", " + previous.starts() + "–" + previous.ends()
						+ " and " + interval.starts() + "–" + interval.ends() + " overlap.");
			}
			previous = interval;
		}
		return week;
	}

	/** "Mon 09:00–12:00, 13:00–17:00; Tue …", or "no hours". */
	public String describe() {
		Map<DayOfWeek, List<String>> byDay = new EnumMap<>(DayOfWeek.class);
		this.intervals.forEach(interval -> byDay.computeIfAbsent(interval.day(), day -> new ArrayList<>())
			.add(interval.starts() + "–" + interval.ends()));
		return byDay.isEmpty() ? "no hours"
				: byDay.entrySet()
					.stream()
					.map(day -> name(day.getKey()).substring(0, 3) + " " + String.join(", ", day.getValue()))
					.collect(Collectors.joining("; "));
	}

	private static String name(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
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
