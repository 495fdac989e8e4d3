package org.backcare.waitlist;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a waiting client can come: on these weekdays, a session that starts and ends
 * between these two clinic-local times (both included).
 */
public record TimeWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

	public TimeWindow {
		days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
	}

	/** Whether a session from {@code start} to {@code end} (clinic-local) lies inside. */
	boolean fits(ZonedDateTime start, ZonedDateTime end) {
		return this.days.contains(start.getDayOfWeek()) && start.toLocalDate().equals(end.toLocalDate())
				&& !start.toLocalTime().isBefore(this.from) && !end.toLocalTime().isAfter(this.to);
	}

	/** "Mon, Wed 08:00–12:00". */
	String inWords() {
		return EnumSet.copyOf(this.days)
			.stream()
			.map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
			.collect(Collectors.joining(", ")) + " " + this.from + "–" + this.to;
	}

}
