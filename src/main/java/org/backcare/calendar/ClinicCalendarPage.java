package org.backcare.calendar;

import java.time.LocalDate;

import org.backcare.account.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic calendar: where the front desk lands after signing in. The day with the
 * therapists as columns and time to scale (sessions, buffers, time off, free time; free
 * time opens the booking form there, a session opens its page or the move form), or the
 * week as a table of days and therapists.
 */
@Controller
class ClinicCalendarPage {

	private final ClinicCalendar calendar;

	ClinicCalendarPage(ClinicCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "day") String view, Model model) {
		CurrentUser caller = CurrentUser.required();
		LocalDate today = this.calendar.today(caller);
		LocalDate chosen = (date != null) ? date : today;
		if (chosen.isBefore(today.minusYears(10)) || chosen.isAfter(today.plusYears(10))) {
			throw new org.backcare.platform.InvalidRequest("Choose a day within ten years of today.");
		}
		boolean week = "week".equals(view);
		model.addAttribute("week", week);
		model.addAttribute("date", chosen);
		model.addAttribute("today", today);
		model.addAttribute("previous", week ? chosen.minusWeeks(1) : chosen.minusDays(1));
		model.addAttribute("next", week ? chosen.plusWeeks(1) : chosen.plusDays(1));
		if (week) {
			model.addAttribute("calendar", this.calendar.week(caller, chosen));
		}
		else {
			model.addAttribute("calendar", this.calendar.day(caller, chosen));
		}
		return "calendar/clinic";
	}

}
