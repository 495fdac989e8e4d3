package org.backcare.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.client.Client;
import org.backcare.homecare.HomeCare;
import org.backcare.homecare.HomeCare.ItemChoice;
import org.backcare.homecare.HomeCare.LogRequest;
import org.backcare.homecare.HomeLogEntry.Difficulty;
import org.backcare.homecare.HomeLogEntry.NotDone;
import org.backcare.homecare.ReminderSettings.Reminder;

import org.springframework.stereotype.Component;

/**
 * Maria's home plan from Anna, four weeks ago, and her diary since, so "My home care",
 * the day view, the chart and the report show adherence growing week by week (about 40 %,
 * then 55, 70, 80), one evening of severe pain during the heat pack, and her reminders
 * (weekday walks and movement breaks, heat in the evening, quiet at night).
 */
@Component
class DemoHomeCare {

	private static final int PLAN_DAYS = 27;

	private final HomeCare homeCare;

	private final Accounts accounts;

	private final Clock clock;

	DemoHomeCare(HomeCare homeCare, Accounts accounts, Clock clock) {
		this.homeCare = homeCare;
		this.accounts = accounts;
		this.clock = clock;
	}

	void seed(ZoneId zone, CurrentUser admin, CurrentUser anna, Client maria) {
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		LocalDate start = today.minusDays(PLAN_DAYS);
		this.homeCare
			.writeFromPaper(anna, maria.id(),
					List.of(new ItemChoice("movement-break", null, 6, null, 2),
							new ItemChoice("desk-setup", null, null, 5, 5),
							new ItemChoice("walk", "A brisk 30-minute walk, at lunchtime on working days.", null, 5,
									30),
							new ItemChoice("heat", null, 1, null, 15)),
					"Small steps: the movement breaks matter most on long desk days.",
					start.atTime(12, 0).atZone(zone).toInstant());
		String[] items = { "movement-break", "desk-setup", "walk", "heat" };
		for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
			int week = (int) ((day.toEpochDay() - start.toEpochDay()) / 7);
			int keeps = new int[] { 4, 6, 7, 8 }[Math.min(week, 3)];
			boolean workday = day.getDayOfWeek().getValue() <= 5;
			for (int i = 0; i < items.length; i++) {
				if (!workday && i < 3 && i != 0) {
					continue;
				}
				boolean done = Math.floorMod(day.toEpochDay() * 7 + i * 3, 10) < keeps;
				boolean severe = "heat".equals(items[i]) && day.equals(today.minusDays(2));
				LogRequest entry = severe ? new LogRequest(items[i], day, true, 7, Difficulty.HARD, null)
						: done ? new LogRequest(items[i], day, true, (i == 2) ? 3 : null,
								(i == 2) ? Difficulty.OK : Difficulty.EASY, null)
								: (i == 2 && week < 2)
										? new LogRequest(items[i], day, false, null, null, NotDone.NO_TIME) : null;
				if (entry != null) {
					this.homeCare.logFromPaper(admin, maria.id(), entry, day.atTime(20, 30).atZone(zone).toInstant());
				}
			}
		}
		CurrentUser asMaria = this.accounts.ofClient(maria.id()).orElse(null);
		if (asMaria == null) {
			return;
		}
		Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		this.homeCare.setReminders(asMaria, zone,
				List.of(new Reminder("movement-break", LocalTime.of(10, 0), weekdays),
						new Reminder("movement-break", LocalTime.of(15, 0), weekdays),
						new Reminder("walk", LocalTime.of(12, 30), weekdays),
						new Reminder("heat", LocalTime.of(20, 0), EnumSet.allOf(DayOfWeek.class))),
				LocalTime.of(22, 0), LocalTime.of(7, 0));
	}

}
