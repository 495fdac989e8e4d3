package org.backcare.homecare;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client's home-care reminders: their zone, each reminder (an item at a local time on
 * some days of the week), quiet hours (from, until; may span midnight), whether paused,
 * since when reminders run (switched on or resumed), and the day of the last nudge.
 */
public record ReminderSettings(ZoneId zone, List<Reminder> reminders, LocalTime quietFrom, LocalTime quietUntil,
		Instant pausedAt, LocalDate since, LocalDate lastNudgedOn) {

	public ReminderSettings {
		reminders = List.copyOf(reminders);
	}

	/** An item to be reminded of at a local time on these days. */
	public record Reminder(String item, LocalTime at, Set<DayOfWeek> days) {

		public Reminder {
			days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
		}

		/** The days as stored: bit 0 Monday … bit 6 Sunday. */
		public int bits() {
			return this.days.stream().mapToInt(day -> 1 << (day.getValue() - 1)).sum();
		}

		static Set<DayOfWeek> days(int bits) {
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			for (DayOfWeek day : DayOfWeek.values()) {
				if ((bits & (1 << (day.getValue() - 1))) != 0) {
					days.add(day);
				}
			}
			return days;
		}

	}

	public boolean paused() {
		return this.pausedAt != null;
	}

	/**
	 * Whether a local time falls in the quiet hours (from inclusive, until exclusive).
	 */
	public boolean quiet(LocalTime time) {
		if (this.quietFrom == null) {
			return false;
		}
		return this.quietFrom.isBefore(this.quietUntil)
				? !time.isBefore(this.quietFrom) && time.isBefore(this.quietUntil)
				: !time.isBefore(this.quietFrom) || time.isBefore(this.quietUntil);
	}

	/**
	 * The local times reminders go on a day, the earliest first: each chosen time whose
	 * days include the day, outside the quiet hours. Empty while paused.
	 */
	public List<LocalTime> timesOn(LocalDate day) {
		if (paused()) {
			return List.of();
		}
		Set<LocalTime> times = new TreeSet<>();
		this.reminders.stream()
			.filter(reminder -> reminder.days().contains(day.getDayOfWeek()))
			.map(Reminder::at)
			.filter(at -> !quiet(at))
			.forEach(times::add);
		return List.copyOf(times);
	}

	/** The items to remind of at a local time on a day. */
	public List<String> itemsAt(LocalDate day, LocalTime at) {
		return this.reminders.stream()
			.filter(reminder -> reminder.at().equals(at) && reminder.days().contains(day.getDayOfWeek()))
			.map(Reminder::item)
			.distinct()
			.toList();
	}

	/**
	 * When a local time happens: on a day the clocks go forward a time in the gap comes
	 * as late as the gap is long (02:30 becomes 03:30); on a day they go back the earlier
	 * of the two (java.time's rule, as for sessions).
	 */
	public Instant instant(LocalDateTime local) {
		return local.atZone(this.zone).toInstant();
	}

}
