package org.backcare.frontdesk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;
import org.backcare.therapist.WorkingInterval;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The set-up pages: the clinic's settings and policies, and a therapist's weekly hours
 * and time off. After a change that strands booked sessions, the page lists them with a
 * link to move each.
 */
@Controller
class ClinicSetupPages {

	static final String CLINIC = "frontdesk/clinic";

	static final String SCHEDULE = "frontdesk/schedule";

	static final String NEW_THERAPIST = "frontdesk/new-therapist";

	private final ClinicSetup setup;

	private final Clinics clinics;

	private final Therapists therapists;

	private final java.time.Clock clock;

	ClinicSetupPages(ClinicSetup setup, Clinics clinics, Therapists therapists, java.time.Clock clock) {
		this.setup = setup;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clock = clock;
	}

	@GetMapping("/admin/clinic")
	String clinic(Model model) {
		model.addAttribute("settings", this.setup.settings(CurrentUser.required()));
		model.addAttribute("services", this.setup.services(CurrentUser.required()));
		return CLINIC;
	}

	/** Adds a service (a new code) or changes one. */
	@PostMapping("/admin/services")
	String saveService(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer minutes, @RequestParam(required = false) Integer rest, Model model,
			RedirectAttributes redirect) {
		CurrentUser admin = CurrentUser.required();
		try {
			if (code == null || name == null || minutes == null || rest == null) {
				throw new InvalidRequest("A service needs a code, a name, its minutes and the rest after it.");
			}
			this.setup.saveService(admin, new ServiceType(code.strip().toUpperCase(Locale.ROOT), name,
					java.time.Duration.ofMinutes(minutes), java.time.Duration.ofMinutes(rest)));
		}
		catch (ProblemException refused) {
			model.addAttribute("settings", this.setup.settings(admin));
			model.addAttribute("services", this.setup.services(admin));
			model.addAttribute("serviceError", refused.getMessage());
			return CLINIC;
		}
		redirect.addFlashAttribute("done", "Service saved.");
		return "redirect:/admin/clinic";
	}

	/** Withdraws a service, or offers it again. */
	@PostMapping("/admin/services/{code}/offered")
	String setOffered(@PathVariable String code, @RequestParam(required = false) Boolean offered, Model model,
			RedirectAttributes redirect) {
		CurrentUser admin = CurrentUser.required();
		try {
			if (offered == null) {
				throw new InvalidRequest(
						"Say whether the service is offered (offered=true) or withdrawn (offered=false).");
			}
			ServiceType service = this.setup.setOffered(admin, code, offered);
			redirect.addFlashAttribute("done",
					service.name() + (offered ? " is offered again." : " is withdrawn; booked sessions keep it."));
		}
		catch (ProblemException refused) {
			model.addAttribute("settings", this.setup.settings(admin));
			model.addAttribute("services", this.setup.services(admin));
			model.addAttribute("serviceError", refused.getMessage());
			return CLINIC;
		}
		return "redirect:/admin/clinic";
	}

	@PostMapping("/admin/clinic")
	String saveClinic(@RequestParam(required = false) String name, @RequestParam(required = false) String address,
			@RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Integer cancellationWindowHours,
			@RequestParam(required = false) String intakeBeforeTreatment,
			@RequestParam(required = false) Integer minimumNoticeMinutes,
			@RequestParam(required = false) Integer bookingHorizonDays,
			@RequestParam(required = false) Integer firstReminderHours,
			@RequestParam(required = false) Integer secondReminderHours, Model model, RedirectAttributes redirect) {
		ClinicSetup.Settings wanted = new ClinicSetup.Settings((name != null) ? name : "",
				(address != null) ? address : "", (timeZone != null) ? timeZone : "",
				(cancellationWindowHours != null) ? cancellationWindowHours : -1, intakeBeforeTreatment != null,
				(minimumNoticeMinutes != null) ? minimumNoticeMinutes : -1,
				(bookingHorizonDays != null) ? bookingHorizonDays : -1,
				java.util.stream.Stream.of(firstReminderHours, secondReminderHours)
					.filter(java.util.Objects::nonNull)
					.toList());
		try {
			if (wanted.name().isBlank() || wanted.name().length() > 200 || wanted.address().length() > 500) {
				throw new InvalidRequest("The clinic needs a name (at most 200 characters) and an address of at most "
						+ "500 characters.");
			}
			this.setup.change(CurrentUser.required(), wanted);
		}
		catch (ProblemException refused) {
			model.addAttribute("settings", wanted);
			model.addAttribute("services", this.setup.services(CurrentUser.required()));
			model.addAttribute("error", refused.getMessage());
			return CLINIC;
		}
		redirect.addFlashAttribute("done", "Saved.");
		return "redirect:/admin/clinic";
	}

	@GetMapping("/admin/therapists/new")
	String newTherapist(Model model) {
		model.addAttribute("genders", org.backcare.therapist.Gender.values());
		return NEW_THERAPIST;
	}

	@PostMapping("/admin/therapists/new")
	String addTherapist(@RequestParam(required = false) String name, @RequestParam(required = false) String bio,
			@RequestParam(required = false) String languages, @RequestParam(required = false) Integer years,
			@RequestParam(required = false) org.backcare.therapist.Gender gender, Model model,
			RedirectAttributes redirect) {
		try {
			var id = this.setup.addTherapist(CurrentUser.required(), profile(name, bio, languages, years, gender));
			redirect.addFlashAttribute("done", "Added. Next: record their licence and certifications on their profile "
					+ "page, and set their hours here.");
			return "redirect:/admin/therapists/" + id + "/schedule";
		}
		catch (ProblemException refused) {
			model.addAttribute("genders", org.backcare.therapist.Gender.values());
			model.addAttribute("error", refused.getMessage());
			return NEW_THERAPIST;
		}
	}

	@PostMapping("/admin/therapists/{id}/profile")
	String changeProfile(@PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String bio, @RequestParam(required = false) String languages,
			@RequestParam(required = false) Integer years,
			@RequestParam(required = false) org.backcare.therapist.Gender gender, Model model,
			RedirectAttributes redirect) {
		try {
			this.setup.changeProfile(CurrentUser.required(), id, profile(name, bio, languages, years, gender));
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			prepare(model, id);
			model.addAttribute("profileError", refused.getMessage());
			return SCHEDULE;
		}
		redirect.addFlashAttribute("done", "Profile saved.");
		return "redirect:/admin/therapists/" + id + "/schedule";
	}

	private static Therapists.Profile profile(String name, String bio, String languages, Integer years,
			org.backcare.therapist.Gender gender) {
		if (languages != null && languages.length() > 100) {
			throw new InvalidRequest("Languages are up to ten two-letter codes, as en, de.");
		}
		return new Therapists.Profile(name, bio, (languages != null) ? List.of(languages.split("[,\\s]+")) : List.of(),
				(years != null) ? years : -1, gender);
	}

	/**
	 * The therapist leaves the clinic ({@code active=false}) or comes back. Refused, with
	 * the sessions to move first, while they hold booked sessions to come.
	 */
	@PostMapping("/admin/therapists/{id}/active")
	String setActive(@PathVariable UUID id, @RequestParam(required = false) Boolean active, Model model,
			RedirectAttributes redirect) {
		if (active == null) {
			throw new InvalidRequest("Say whether the therapist works here (active=true) or has left (active=false).");
		}
		try {
			this.setup.setActive(CurrentUser.required(), id, active);
		}
		catch (TherapistStillBooked refused) {
			prepare(model, id);
			model.addAttribute("leaveError", refused.getMessage());
			model.addAttribute("stillBooked", refused.sessions());
			return SCHEDULE;
		}
		redirect.addFlashAttribute("done", active ? "Bookable again." : "Marked as having left the clinic.");
		return "redirect:/admin/therapists/" + id + "/schedule";
	}

	@GetMapping("/admin/therapists/{id}/schedule")
	String schedule(@PathVariable UUID id, Model model) {
		prepare(model, id);
		return SCHEDULE;
	}

	/** One field a day, as "09:00-12:00, 13:00-17:00" (empty: a day off). */
	@PostMapping("/admin/therapists/{id}/hours")
	String saveHours(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		CurrentUser admin = CurrentUser.required();
		List<WorkingInterval> hours = new ArrayList<>();
		try {
			for (DayOfWeek day : DayOfWeek.values()) {
				hours.addAll(parse(day, form.getOrDefault(day.name(), "")));
			}
			// The sessions it strands are listed by the page it leads to, read afresh:
			// client
			// details are not parked in the session store between the two requests.
			this.setup.setHours(admin, id, hours);
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			prepare(model, id);
			model.addAttribute("hoursError", refused.getMessage());
			Map<DayOfWeek, String> typed = new LinkedHashMap<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				typed.put(day, form.getOrDefault(day.name(), ""));
			}
			model.addAttribute("week", typed);
			return SCHEDULE;
		}
		redirect.addFlashAttribute("done", "Hours saved.");
		return "redirect:/admin/therapists/" + id + "/schedule";
	}

	@PostMapping("/admin/therapists/{id}/time-off")
	String addTimeOff(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime fromTime,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime toTime,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		CurrentUser admin = CurrentUser.required();
		try {
			if (fromDate == null || toDate == null) {
				throw new InvalidRequest("Give the first and the last day of the time off.");
			}
			if (reason != null && reason.length() > 500) {
				throw new InvalidRequest("Say why in at most 500 characters.");
			}
			Clinic clinic = this.clinics.get(admin.clinic());
			// Whole days unless times are given: from the start of the first day to the
			// end
			// of the last.
			Instant from = fromDate.atTime((fromTime != null) ? fromTime : LocalTime.MIDNIGHT)
				.atZone(clinic.zone())
				.toInstant();
			Instant to = (toTime != null) ? toDate.atTime(toTime).atZone(clinic.zone()).toInstant()
					: toDate.plusDays(1).atStartOfDay(clinic.zone()).toInstant();
			this.setup.addTimeOff(admin, id, from, to, reason);
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			prepare(model, id);
			model.addAttribute("timeOffError", refused.getMessage());
			return SCHEDULE;
		}
		redirect.addFlashAttribute("done", "Time off added.");
		return "redirect:/admin/therapists/" + id + "/schedule";
	}

	@PostMapping("/admin/therapists/{id}/time-off/{timeOffId}/remove")
	String removeTimeOff(@PathVariable UUID id, @PathVariable UUID timeOffId, RedirectAttributes redirect) {
		this.setup.removeTimeOff(CurrentUser.required(), id, timeOffId);
		redirect.addFlashAttribute("done", "Time off removed.");
		return "redirect:/admin/therapists/" + id + "/schedule";
	}

	private void prepare(Model model, UUID id) {
		CurrentUser admin = CurrentUser.required();
		Therapist therapist = this.setup.therapist(admin, id);
		Clinic clinic = this.clinics.get(therapist.clinicId());
		Map<DayOfWeek, String> week = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day,
					String.join(", ",
							therapist.hours()
								.intervals()
								.stream()
								.filter(interval -> interval.day() == day)
								.map(interval -> interval.starts() + "-" + interval.ends())
								.toList()));
		}
		LocalDate today = LocalDate.now(this.clock.withZone(clinic.zone()));
		model.addAttribute("therapist", therapist);
		model.addAttribute("genders", org.backcare.therapist.Gender.values());
		model.addAttribute("clinic", clinic);
		model.addAttribute("week", week);
		model.addAttribute("timeOff",
				this.therapists.timeOffOf(therapist.id(),
						new TimeRange(today.minusDays(1).atStartOfDay(clinic.zone()).toInstant(),
								today.plusYears(2).atStartOfDay(clinic.zone()).toInstant())));
		if (!model.containsAttribute("stranded")) {
			model.addAttribute("stranded", this.setup.stranded(admin, therapist));
		}
	}

	/** "09:00-12:00, 13:00-17:00" as intervals of the day; refused with what is wrong. */
	static List<WorkingInterval> parse(DayOfWeek day, String text) {
		List<WorkingInterval> intervals = new ArrayList<>();
		if (text.length() > 200) {
			throw new InvalidRequest("Too much for one day's hours.");
		}
		for (String part : text.split(",")) {
			String stretch = part.strip();
			if (stretch.isEmpty()) {
				continue;
			}
			String[] ends = stretch.split("\\s*[-–]\\s*");
			try {
				if (ends.length != 2) {
					throw new DateTimeParseException("no range", stretch, 0);
				}
				LocalTime from = LocalTime.parse(ends[0]);
				LocalTime to = LocalTime.parse(ends[1]);
				if (!to.isAfter(from)) {
					throw new InvalidRequest("On " + name(day) + ", " + stretch + " ends before it starts.");
				}
				intervals.add(new WorkingInterval(day, from, to));
			}
			catch (DateTimeParseException ex) {
				throw new InvalidRequest(
						"On " + name(day) + ", '" + stretch + "' is not a stretch of time like 09:00-12:30.");
			}
		}
		return intervals;
	}

	private static String name(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

}
