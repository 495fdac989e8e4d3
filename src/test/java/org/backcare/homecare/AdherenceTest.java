package org.backcare.homecare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weekly adherence: Monday to Sunday in the client's own days; a day counts once per
 * item, the day's latest entry deciding; no extra credit beyond the days asked; the week
 * a plan begins asks only for its share.
 */
class AdherenceTest {

	static final HomeItem WALK = new HomeItem("walk", HomeItemKind.EXERCISE, "Walk", "Walk.", null, 5, 30, List.of());

	static final HomeItem BREAKS = new HomeItem("movement-break", HomeItemKind.MOVEMENT_BREAK, "Stand up and move",
			"Move.", 6, null, 2, List.of());

	/** Monday 30 November 2026. */
	static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

	final List<HomeLogEntry> log = new ArrayList<>();

	int minute;

	@Test
	void fourOfFiveWalks_andASundayBelongsToItsWeek_theNextMondayToTheNext() {
		for (int day = 0; day < 3; day++) {
			done("walk", MONDAY.plusDays(day));
		}
		done("walk", MONDAY.plusDays(6));
		done("walk", MONDAY.plusDays(7));
		Adherence.Week week = Adherence.week(MONDAY, List.of(WALK), MONDAY.minusWeeks(4), this.log);
		assertThat(week.items()).singleElement().satisfies(walk -> assertThat(walk.inWords()).isEqualTo("4 of 5 days"));
		assertThat(week.percent()).isEqualTo(80);
		assertThat(Adherence.week(MONDAY.plusWeeks(1), List.of(WALK), MONDAY.minusWeeks(4), this.log).done())
			.isEqualTo(1);
	}

	@Test
	void theDaysLatestEntryDecides_andTwiceOnADayIsOneDay() {
		done("walk", MONDAY);
		done("walk", MONDAY);
		notDone("walk", MONDAY.plusDays(1));
		done("walk", MONDAY.plusDays(2));
		notDone("walk", MONDAY.plusDays(2));
		notDone("walk", MONDAY.plusDays(3));
		done("walk", MONDAY.plusDays(3));
		Adherence.Week week = Adherence.week(MONDAY, List.of(WALK), MONDAY.minusWeeks(1), this.log);
		assertThat(week.done()).isEqualTo(2);
	}

	@Test
	void daysBeyondThoseAskedAreNoExtraCredit_andAnItemDoneTimesADayIsAskedEveryDay() {
		for (int day = 0; day < 7; day++) {
			done("walk", MONDAY.plusDays(day));
		}
		done("movement-break", MONDAY);
		Adherence.Week week = Adherence.week(MONDAY, List.of(WALK, BREAKS), MONDAY.minusWeeks(1), this.log);
		assertThat(week.asked()).isEqualTo(5 + 7);
		assertThat(week.done()).as("5 walks counted of 7, 1 break").isEqualTo(6);
		assertThat(week.percent()).as("6 of 12, rounded down").isEqualTo(50);
	}

	@Test
	void theWeekAPlanBeginsAsksForItsShare_roundedUp() {
		// Begun on Thursday: 4 days of the week left.
		LocalDate thursday = MONDAY.plusDays(3);
		Adherence.Week week = Adherence.week(MONDAY, List.of(WALK, BREAKS), thursday, this.log);
		assertThat(week.items()).extracting(Adherence.ItemWeek::asked).containsExactly(3, 4);
		// Begun on Sunday: one walk of the 5 (5 × 1/7, rounded up).
		assertThat(Adherence.week(MONDAY, List.of(WALK), MONDAY.plusDays(6), this.log).asked()).isEqualTo(1);
	}

	@Test
	void weeksRunFromThePlansFirstWeekToToday_theLatestFirst() {
		List<Adherence.Week> weeks = Adherence.weeks(MONDAY.plusDays(9), List.of(WALK), MONDAY.minusDays(2), this.log,
				8);
		assertThat(weeks).extracting(Adherence.Week::monday)
			.containsExactly(MONDAY.plusWeeks(1), MONDAY, MONDAY.minusWeeks(1));
		assertThat(weeks.get(2).asked()).as("begun on the Saturday: 2 of 7 days").isEqualTo(2);
		assertThat(Adherence.weeks(MONDAY, List.of(WALK), MONDAY.minusWeeks(10), this.log, 4)).hasSize(4);
	}

	@Test
	void eachDayIsJudgedByTheVersionInForce_anItemAddedMidWeekIsAskedOnlyFromThen() {
		// Version 1 (walks) from long before; version 2 adds movement breaks on Friday.
		List<Adherence.Version> versions = List.of(new Adherence.Version(MONDAY.minusWeeks(3), List.of(WALK)),
				new Adherence.Version(MONDAY.plusDays(4), List.of(WALK, BREAKS)));
		Adherence.Week week = Adherence.week(MONDAY, versions, this.log);
		assertThat(week.items()).extracting(Adherence.ItemWeek::item, Adherence.ItemWeek::asked)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("walk", 5),
					org.assertj.core.groups.Tuple.tuple("movement-break", 3));
		// The week before: movement breaks were not in the plan.
		assertThat(Adherence.week(MONDAY.minusWeeks(1), versions, this.log).items())
			.extracting(Adherence.ItemWeek::item)
			.containsExactly("walk");
		// An item dropped on Wednesday keeps its first two days.
		List<Adherence.Version> dropped = List.of(new Adherence.Version(MONDAY.minusWeeks(3), List.of(WALK, BREAKS)),
				new Adherence.Version(MONDAY.plusDays(2), List.of(WALK)));
		assertThat(Adherence.week(MONDAY, dropped, this.log).items())
			.extracting(Adherence.ItemWeek::item, Adherence.ItemWeek::asked)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("walk", 5),
					org.assertj.core.groups.Tuple.tuple("movement-break", 2));
	}

	@Test
	void nothingAsked_noPercentage() {
		assertThat(new Adherence.Week(MONDAY, List.of()).percent()).isNull();
	}

	private void done(String item, LocalDate day) {
		this.log.add(entry(item, day, true));
	}

	private void notDone(String item, LocalDate day) {
		this.log.add(entry(item, day, false));
	}

	private HomeLogEntry entry(String item, LocalDate day, boolean done) {
		return new HomeLogEntry(UUID.randomUUID(), item, day, done, null, null,
				done ? null : HomeLogEntry.NotDone.NO_TIME,
				Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * this.minute++));
	}

}
