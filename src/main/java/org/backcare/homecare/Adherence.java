package org.backcare.homecare;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Weekly adherence: of the days each item was asked for in a week (Monday to Sunday, in
 * the client's own zone), on how many the client logged it done. A day counts once per
 * item (the day's latest entry decides: a corrected tap counts as corrected); days beyond
 * what was asked are not extra credit. Each day is judged by the version of the plan in
 * force that day: a week the plan began in, or an item added or dropped in, asks only for
 * its share, {@code ceil(days a week × days in force / 7)}.
 */
public final class Adherence {

	private Adherence() {
	}

	/** One item in one week: done on {@code done} of the {@code asked} days. */
	public record ItemWeek(String item, String title, int done, int asked) {

		/** "4 of 5 days". */
		public String inWords() {
			return this.done + " of " + this.asked + ((this.asked == 1) ? " day" : " days");
		}

	}

	/** A week, Monday first: each item's figures and the week's overall percentage. */
	public record Week(LocalDate monday, List<ItemWeek> items) {

		public Week {
			items = List.copyOf(items);
		}

		public int done() {
			return this.items.stream().mapToInt(item -> Math.min(item.done(), item.asked())).sum();
		}

		public int asked() {
			return this.items.stream().mapToInt(ItemWeek::asked).sum();
		}

		/** Percent of the asked days done, rounded down; null when nothing was asked. */
		public Integer percent() {
			return (asked() == 0) ? null : done() * 100 / asked();
		}

	}

	/** The Monday of the week the day falls in. */
	public static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * A version of the plan and the first day it was in force (the client's day it was
	 * written on); it is in force until the next version's first day.
	 */
	public record Version(LocalDate from, List<HomeItem> items) {
	}

	/**
	 * The week that starts on {@code monday}, for a single plan (its items), begun on
	 * {@code planStart}, from the client's log (any order).
	 */
	public static Week week(LocalDate monday, List<HomeItem> items, LocalDate planStart, List<HomeLogEntry> log) {
		return week(monday, List.of(new Version(planStart, items)), log);
	}

	/**
	 * The week that starts on {@code monday}, each day judged by the version of the plan
	 * in force that day (the versions in any order): an item is asked on the days a
	 * version that holds it is in force, {@code ceil(days a week × those days / 7)}, at
	 * the dose of the latest such version in the week; days before the first version ask
	 * nothing.
	 */
	public static Week week(LocalDate monday, List<Version> versions, List<HomeLogEntry> log) {
		List<Version> ordered = versions.stream().sorted(Comparator.comparing(Version::from)).toList();
		LocalDate sunday = monday.plusDays(6);
		Map<String, Integer> inForceDays = new java.util.LinkedHashMap<>();
		Map<String, HomeItem> latest = new java.util.LinkedHashMap<>();
		for (LocalDate day = monday; !day.isAfter(sunday); day = day.plusDays(1)) {
			Version inForce = null;
			for (Version version : ordered) {
				if (!version.from().isAfter(day)) {
					inForce = version;
				}
			}
			if (inForce != null) {
				for (HomeItem item : inForce.items()) {
					inForceDays.merge(item.item(), 1, Integer::sum);
					latest.put(item.item(), item);
				}
			}
		}
		Map<String, Set<LocalDate>> doneDays = doneDays(log, monday, sunday);
		List<ItemWeek> weeks = new ArrayList<>();
		latest.forEach((key, item) -> {
			int asked = (int) Math.ceil(item.daysAWeek() * inForceDays.get(key) / 7.0);
			if (asked > 0) {
				weeks.add(new ItemWeek(key, item.title(), doneDays.getOrDefault(key, Set.of()).size(), asked));
			}
		});
		return new Week(monday, weeks);
	}

	/**
	 * The weeks from the plan's first week to the week of {@code today}, the latest
	 * first, at most {@code max}.
	 */
	public static List<Week> weeks(LocalDate today, List<HomeItem> items, LocalDate planStart, List<HomeLogEntry> log,
			int max) {
		return weeks(today, List.of(new Version(planStart, items)), log, max);
	}

	/** The same, each day judged by the version in force that day. */
	public static List<Week> weeks(LocalDate today, List<Version> versions, List<HomeLogEntry> log, int max) {
		List<Week> weeks = new ArrayList<>();
		LocalDate first = versions.stream().map(Version::from).min(Comparator.naturalOrder()).orElse(today);
		LocalDate monday = monday(today);
		while (!monday.isBefore(monday(first)) && weeks.size() < max) {
			weeks.add(week(monday, versions, log));
			monday = monday.minusWeeks(1);
		}
		return weeks;
	}

	/**
	 * The days in the range on which each item's latest entry says done.
	 */
	static Map<String, Set<LocalDate>> doneDays(List<HomeLogEntry> log, LocalDate from, LocalDate to) {
		Map<String, HomeLogEntry> latest = new HashMap<>();
		log.stream()
			.filter(entry -> !entry.day().isBefore(from) && !entry.day().isAfter(to))
			.sorted(Comparator.comparing(HomeLogEntry::loggedAt))
			.forEach(entry -> latest.put(entry.item() + "/" + entry.day(), entry));
		Map<String, Set<LocalDate>> done = new HashMap<>();
		latest.values()
			.stream()
			.filter(HomeLogEntry::done)
			.forEach(entry -> done.computeIfAbsent(entry.item(), item -> new TreeSet<>()).add(entry.day()));
		return done;
	}

}
