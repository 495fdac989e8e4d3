package org.backcare.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.Clinics;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My day": where a therapist lands after signing in. The day (or the week from Monday),
 * each session with the client, the service and technique, its status, the client's
 * cautions before the session, and the actions of the day: open the session or the
 * client, mark completed or not come. The front desk sees any therapist's day of their
 * clinic by choosing the therapist.
 */
@Controller
class TherapistDayPage {

	static final String DAY = "calendar/day";

	private final TherapistDay day;

	private final Therapists therapists;

	private final Clinics clinics;

	TherapistDayPage(TherapistDay day, Therapists therapists, Clinics clinics) {
		this.clinics = clinics;
		this.day = day;
		this.therapists = therapists;
	}

	@GetMapping("/day")
	String day(@RequestParam(required = false) UUID therapist,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "day") String view, Model model) {
		CurrentUser caller = CurrentUser.required();
		TherapistId whose = (caller.therapist() != null) ? caller.therapist()
				: (therapist != null) ? new TherapistId(therapist) : null;
		if (whose == null) {
			// The front desk first chooses whose day to see.
			// Those who have left too: their past sessions may still need marking.
			model.addAttribute("therapists", this.therapists.everyone(caller.clinic()));
			return DAY;
		}
		Therapist shown = this.therapists.find(whose)
			.filter(found -> found.clinicId().equals(caller.clinic()))
			.orElseThrow(() -> new RecordNotFound("Therapist", whose));
		LocalDate chosen = (date != null) ? date : this.day.today(shown);
		boolean week = "week".equals(view);
		LocalDate from = week ? chosen.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : chosen;
		LocalDate to = week ? from.plusDays(6) : chosen;
		Map<LocalDate, List<Session>> byDay = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			byDay.put(day, new ArrayList<>());
		}
		this.day.sessions(caller, shown, from, to)
			.forEach(session -> byDay.get(session.start().toLocalDate()).add(session));
		model.addAttribute("therapist", shown);
		model.addAttribute("own", caller.therapist() != null);
		model.addAttribute("week", week);
		model.addAttribute("date", chosen);
		model.addAttribute("previous", week ? chosen.minusWeeks(1) : chosen.minusDays(1));
		model.addAttribute("next", week ? chosen.plusWeeks(1) : chosen.plusDays(1));
		model.addAttribute("today", this.day.today(shown));
		model.addAttribute("days", byDay);
		model.addAttribute("therapistZone", this.clinics.get(shown.clinicId()).zone());
		if (caller.therapist() != null) {
			model.addAttribute("notesDue", this.day.notesDue(caller, this.clinics.get(shown.clinicId())));
		}
		return DAY;
	}

}
