package org.backcare.homecare;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a client's reminders go: at their chosen local time on their chosen days, in their
 * own zone across daylight-saving changes, never in quiet hours (which may span midnight)
 * nor while paused.
 */
class ReminderSettingsTest {

	static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	static ReminderSettings settings(LocalTime quietFrom, LocalTime quietUntil, Instant pausedAt,
			ReminderSettings.Reminder... reminders) {
		return new ReminderSettings(OSLO, List.of(reminders), quietFrom, quietUntil, pausedAt, LocalDate.of(2027, 3, 1),
				null);
	}

	static ReminderSettings.Reminder at(String item, int hour, int minute, DayOfWeek... days) {
		return new ReminderSettings.Reminder(item, LocalTime.of(hour, minute),
				(days.length == 0) ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(List.of(days)));
	}

	@Test
	void eightInTheMorningIsEightWhereTheClientIs_beforeAndAfterTheClocksGoForward() {
		ReminderSettings walk = settings(null, null, null, at("walk", 8, 0));
		// Summer time begins in Oslo on Sunday 28 March 2027.
		assertThat(walk.instant(LocalDateTime.of(2027, 3, 27, 8, 0))).isEqualTo(Instant.parse("2027-03-27T07:00:00Z"));
		assertThat(walk.instant(LocalDateTime.of(2027, 3, 28, 8, 0))).isEqualTo(Instant.parse("2027-03-28T06:00:00Z"));
		// And back on Sunday 31 October 2027.
		assertThat(walk.instant(LocalDateTime.of(2027, 10, 31, 8, 0))).isEqualTo(Instant.parse("2027-10-31T07:00:00Z"));
	}

	@Test
	void aTimeTheClocksSkipComesAsLateAsTheGap_aTimeTheyRepeatComesTheFirstTime() {
		ReminderSettings night = settings(null, null, null, at("heat", 2, 30));
		assertThat(night.instant(LocalDateTime.of(2027, 3, 28, 2, 30)))
			.as("02:30 does not exist that night: 03:30 summer time")
			.isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
		assertThat(night.instant(LocalDateTime.of(2027, 10, 31, 2, 30))).as("02:30 comes twice: the first")
			.isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
		assertThat(night.timesOn(LocalDate.of(2027, 3, 28))).containsExactly(LocalTime.of(2, 30));
	}

	@Test
	void onlyOnTheChosenDays_theEarliestFirst_eachTimeOnce() {
		ReminderSettings weekdays = settings(null, null, null, at("walk", 12, 30, DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				at("heat", 20, 0), at("movement-break", 12, 30, DayOfWeek.MONDAY));
		assertThat(weekdays.timesOn(LocalDate.of(2027, 3, 1))).containsExactly(LocalTime.of(12, 30),
				LocalTime.of(20, 0));
		assertThat(weekdays.itemsAt(LocalDate.of(2027, 3, 1), LocalTime.of(12, 30))).containsExactly("walk",
				"movement-break");
		assertThat(weekdays.timesOn(LocalDate.of(2027, 3, 2))).containsExactly(LocalTime.of(20, 0));
	}

	@Test
	void quietHoursSilence_fromInclusiveUntilExclusive_acrossMidnight() {
		ReminderSettings quiet = settings(LocalTime.of(22, 0), LocalTime.of(7, 0), null, at("a", 21, 59),
				at("b", 22, 0), at("c", 6, 59), at("d", 7, 0), at("e", 0, 0));
		assertThat(quiet.timesOn(LocalDate.of(2027, 3, 1))).containsExactly(LocalTime.of(7, 0), LocalTime.of(21, 59));
		ReminderSettings lunch = settings(LocalTime.of(12, 0), LocalTime.of(13, 0), null, at("a", 12, 0),
				at("b", 13, 0));
		assertThat(lunch.timesOn(LocalDate.of(2027, 3, 1))).containsExactly(LocalTime.of(13, 0));
	}

	@Test
	void pausedNothingGoes() {
		assertThat(settings(null, null, Instant.parse("2027-03-01T10:00:00Z"), at("walk", 8, 0))
			.timesOn(LocalDate.of(2027, 3, 2))).isEmpty();
	}

	@Test
	void daysAreStoredOneBitEach_MondayFirst() {
		assertThat(at("walk", 8, 0, DayOfWeek.MONDAY).bits()).isEqualTo(1);
		assertThat(at("walk", 8, 0, DayOfWeek.SUNDAY).bits()).isEqualTo(64);
		assertThat(ReminderSettings.Reminder.days(127)).hasSize(7);
		assertThat(ReminderSettings.Reminder.days(1 | 64)).containsExactly(DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
	}

}
