package org.backcare.homecare;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.homecare.HomeLogEntry.Difficulty;
import org.backcare.homecare.HomeLogEntry.NotDone;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RequestKeys;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The home-care pages: "My home care" for the client (today's items, one tap to log each,
 * the heat and cold timer, this week's adherence) and their reminders; the client's home
 * plan for the care team (adherence by week, the log, severe pain, and the plan's form
 * for those who write it); the clinic's nudge setting for its admins.
 */
@Controller
class HomeCarePages {

	static final String MINE = "homecare/mine";

	static final String REMINDERS = "homecare/reminders";

	static final String PLAN = "homecare/plan";

	static final String SETTINGS = "homecare/settings";

	private final HomeCare homeCare;

	HomeCarePages(HomeCare homeCare) {
		this.homeCare = homeCare;
	}

	@GetMapping("/me/home")
	String mine(Model model) {
		show(model, client());
		return MINE;
	}

	private void show(Model model, CurrentUser me) {
		HomeCare.Overview overview = this.homeCare.checked(me, me.client(), 2).overview();
		model.addAttribute("overview", overview);
		model.addAttribute("reasons", NotDone.values());
		model.addAttribute("difficulties", Difficulty.values());
		model.addAttribute("earliest", overview.today().minusDays(HomeCare.LOG_DAYS_BACK));
		model.addAttribute("requestKey", UUID.randomUUID().toString());
		if (!model.containsAttribute("problem")) {
			model.addAttribute("problem", null);
		}
	}

	@PostMapping("/me/home/log")
	String log(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CurrentUser me = client();
		String item = fields.getFirst("item");
		try {
			LocalDate day = date(fields.getFirst("day"));
			Boolean done = "true".equals(fields.getFirst("done")) ? Boolean.TRUE
					: "false".equals(fields.getFirst("done")) ? Boolean.FALSE : null;
			if (item == null || day == null || done == null) {
				throw new InvalidRequest("Choose the item, the day, and whether you did it.");
			}
			Integer pain = number(fields.getFirst("pain"), "Pain is a whole number from 0 to 10.");
			Difficulty difficulty = choice(Difficulty.class, fields.getFirst("difficulty"));
			NotDone reason = choice(NotDone.class, fields.getFirst("reason"));
			HomeLogEntry entry = this.homeCare.log(me, me.client(),
					new HomeCare.LogRequest(item, day, done, pain, difficulty, reason),
					RequestKeys.fromForm(fields.getFirst("requestKey")));
			redirect.addFlashAttribute("done",
					"Logged: " + entry.inWords() + "." + ((entry.pain() != null && entry.pain() >= HomeCare.SEVERE_PAIN)
							? " Pain that strong: please stop this item for now. Your therapist has been told and will "
									+ "go over it with you; if the pain is severe or something new appears (numbness, "
									+ "weakness, trouble passing water), call your doctor."
							: ""));
		}
		catch (ProblemException refused) {
			return again(refused, model, response, () -> show(model, me), MINE);
		}
		return "redirect:/me/home" + ((item != null && item.matches("[a-z-]{1,40}")) ? "#item-" + item : "");
	}

	@GetMapping("/me/home/reminders")
	String reminders(Model model) {
		CurrentUser me = client();
		showReminders(model, me);
		return REMINDERS;
	}

	private void showReminders(Model model, CurrentUser me) {
		HomeCare.Overview overview = this.homeCare.overview(me, me.client(), 1);
		ReminderSettings settings = this.homeCare.reminders(me);
		model.addAttribute("overview", overview);
		model.addAttribute("settings", settings);
		// Each item's times ("08:00, 18:30") and days (every day for an item without
		// reminders yet), for the form.
		java.util.Map<String, String> times = new java.util.HashMap<>();
		java.util.Map<String, Set<DayOfWeek>> chosenDays = new java.util.HashMap<>();
		overview.current().ifPresent(plan -> plan.items().forEach(item -> {
			List<ReminderSettings.Reminder> mine = settings.reminders()
				.stream()
				.filter(reminder -> reminder.item().equals(item.item()))
				.toList();
			times.put(item.item(), String.join(", ", mine.stream().map(r -> r.at().toString()).toList()));
			chosenDays.put(item.item(), mine.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : mine.get(0).days());
		}));
		model.addAttribute("times", times);
		model.addAttribute("chosenDays", chosenDays);
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("zones", ZONES);
		if (!model.containsAttribute("problem")) {
			model.addAttribute("problem", null);
		}
	}

	/** The zones a client can choose: every region/city zone, sorted. */
	static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()
		.stream()
		.filter(zone -> zone.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
		.toList()));

	@PostMapping("/me/home/reminders")
	String setReminders(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CurrentUser me = client();
		try {
			ZoneId zone = zone(fields.getFirst("zone"));
			LocalTime quietFrom = time(fields.getFirst("quietFrom"));
			LocalTime quietUntil = time(fields.getFirst("quietUntil"));
			List<ReminderSettings.Reminder> reminders = new ArrayList<>();
			List<String> items = fields.getOrDefault("item", List.of());
			if (items.size() > 20) {
				throw new InvalidRequest("Too many items.");
			}
			for (String item : items) {
				if (item == null || !item.matches("[a-z-]{1,40}")) {
					throw new InvalidRequest("An item is not one of your plan's.");
				}
				Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
				for (String day : fields.getOrDefault("days-" + item, List.of())) {
					days.add(choice(DayOfWeek.class, day));
				}
				String times = fields.getFirst("times-" + item);
				if (times == null || times.isBlank()) {
					continue;
				}
				if (days.isEmpty()) {
					throw new InvalidRequest("Choose at least one day for the times you set.");
				}
				for (String at : times.split("[,\\s]+")) {
					if (!at.isBlank()) {
						reminders.add(new ReminderSettings.Reminder(item, time(at), days));
					}
				}
			}
			this.homeCare.setReminders(me, zone, reminders, quietFrom, quietUntil);
		}
		catch (ProblemException refused) {
			return again(refused, model, response, () -> showReminders(model, me), REMINDERS);
		}
		redirect.addFlashAttribute("done", "Your reminders are set.");
		return "redirect:/me/home/reminders";
	}

	@PostMapping("/me/home/reminders/pause")
	String pause(Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return pauseOrResume(true, model, response, redirect);
	}

	@PostMapping("/me/home/reminders/resume")
	String resume(Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return pauseOrResume(false, model, response, redirect);
	}

	private String pauseOrResume(boolean pause, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CurrentUser me = client();
		try {
			if (pause) {
				this.homeCare.pause(me);
			}
			else {
				this.homeCare.resume(me);
			}
		}
		catch (ProblemException refused) {
			return again(refused, model, response, () -> showReminders(model, me), REMINDERS);
		}
		redirect.addFlashAttribute("done", pause ? "Reminders paused." : "Reminders resumed.");
		return "redirect:/me/home/reminders";
	}

	@GetMapping("/clients/{id}/home-plan")
	String plan(@PathVariable UUID id, Model model) {
		showPlan(model, CurrentUser.required(), new ClientId(id));
		return PLAN;
	}

	/** The adherence chart alone, for the client's chart page to take in. */
	@GetMapping("/clients/{id}/home-plan/adherence")
	String adherence(@PathVariable UUID id, Model model) {
		CurrentUser caller = CurrentUser.required();
		HomeCare.Overview overview = this.homeCare.overview(caller, new ClientId(id), 8);
		model.addAttribute("overview", overview);
		model.addAttribute("chart", overview.weeks().isEmpty() ? null : AdherenceChart.dataUri(overview.weeks()));
		return PLAN + " :: adherence";
	}

	private void showPlan(Model model, CurrentUser caller, ClientId client) {
		HomeCare.Checked checked = this.homeCare.checked(caller, client, 8);
		HomeCare.Overview overview = checked.overview();
		model.addAttribute("overview", overview);
		model.addAttribute("chart", overview.weeks().isEmpty() ? null : AdherenceChart.dataUri(overview.weeks()));
		model.addAttribute("writes", !checked.offer().isEmpty());
		model.addAttribute("offer", checked.offer());
		model.addAttribute("requestKey", UUID.randomUUID().toString());
		if (!model.containsAttribute("problem")) {
			model.addAttribute("problem", null);
		}
	}

	@PostMapping("/clients/{id}/home-plan")
	String write(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CurrentUser caller = CurrentUser.required();
		ClientId client = new ClientId(id);
		try {
			List<HomeCare.ItemChoice> choices = new ArrayList<>();
			List<String> chosen = fields.getOrDefault("include", List.of());
			if (chosen.size() > 20) {
				throw new InvalidRequest("Too many items.");
			}
			for (String item : chosen) {
				if (item == null || !item.matches("[a-z-]{1,40}")) {
					throw new InvalidRequest("An item is not one of the catalogue's.");
				}
				Integer often = number(fields.getFirst("often-" + item), "How often is a whole number.");
				String unit = fields.getFirst("unit-" + item);
				if (often == null || !("day".equals(unit) || "week".equals(unit))) {
					throw new InvalidRequest("Say how often for each item chosen: times a day or days a week.");
				}
				choices.add(new HomeCare.ItemChoice(item, fields.getFirst("instruction-" + item),
						"day".equals(unit) ? often : null, "week".equals(unit) ? often : null,
						number(fields.getFirst("minutes-" + item), "Minutes are a whole number.")));
			}
			this.homeCare.write(caller, client, choices, fields.getFirst("note"),
					RequestKeys.fromForm(fields.getFirst("requestKey")),
					number(fields.getFirst("basedOnVersion"), "The form's version is a whole number."));
		}
		catch (ProblemException refused) {
			return again(refused, model, response, () -> showPlan(model, caller, client), PLAN);
		}
		redirect.addFlashAttribute("done", "The home plan is saved as a new version; the earlier one is kept.");
		return "redirect:/clients/" + id + "/home-plan";
	}

	@GetMapping("/admin/home-care")
	String settings(Model model) {
		model.addAttribute("nudgeAfterDays", this.homeCare.nudgeAfterDays(CurrentUser.required()));
		model.addAttribute("max", HomeCare.MAX_NUDGE_DAYS);
		if (!model.containsAttribute("problem")) {
			model.addAttribute("problem", null);
		}
		return SETTINGS;
	}

	@PostMapping("/admin/home-care")
	String setSettings(@RequestParam(required = false) String nudgeAfterDays, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.required();
		try {
			Integer days = number(nudgeAfterDays, "Say after how many days, 1 to " + HomeCare.MAX_NUDGE_DAYS + ".");
			if (days == null) {
				throw new InvalidRequest("Say after how many days, 1 to " + HomeCare.MAX_NUDGE_DAYS + ".");
			}
			this.homeCare.setNudgeAfterDays(me, days);
		}
		catch (ProblemException refused) {
			return again(refused, model, response, () -> {
				model.addAttribute("nudgeAfterDays", nudgeAfterDays);
				model.addAttribute("max", HomeCare.MAX_NUDGE_DAYS);
			}, SETTINGS);
		}
		redirect.addFlashAttribute("done", "Saved.");
		return "redirect:/admin/home-care";
	}

	/**
	 * A refusal shown on the page again, with what is wrong; not found and forbidden go
	 * to the error pages.
	 */
	private static String again(ProblemException refused, Model model, HttpServletResponse response, Runnable show,
			String view) {
		if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
			throw refused;
		}
		model.addAttribute("problem", refused.getMessage());
		show.run();
		response.setStatus(refused.status().value());
		return view;
	}

	private static CurrentUser client() {
		CurrentUser me = CurrentUser.required();
		if (me.client() == null) {
			throw new Forbidden("My home care is for clients.");
		}
		return me;
	}

	private static LocalDate date(String given) {
		try {
			return (given == null || given.isBlank()) ? null : LocalDate.parse(given.strip());
		}
		catch (DateTimeParseException notOne) {
			throw new InvalidRequest("The day is a date such as 2026-12-03.");
		}
	}

	/** A time as people write it: 8:00, 08:00, 18:30. */
	private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("H:mm");

	private static LocalTime time(String given) {
		try {
			return (given == null || given.isBlank()) ? null : LocalTime.parse(given.strip(), TIME);
		}
		catch (DateTimeParseException notOne) {
			throw new InvalidRequest("A time is written as hours and minutes, such as 08:00.");
		}
	}

	private static ZoneId zone(String given) {
		try {
			return ZoneId.of((given == null) ? "" : given.strip());
		}
		catch (DateTimeException unknown) {
			throw new InvalidRequest("Choose your time zone from the list.");
		}
	}

	private static Integer number(String given, String problem) {
		if (given == null || given.isBlank()) {
			return null;
		}
		if (!given.strip().matches("-?\\d{1,4}")) {
			throw new InvalidRequest(problem);
		}
		return Integer.valueOf(given.strip());
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, given.strip());
		}
		catch (IllegalArgumentException notOne) {
			throw new InvalidRequest("That is not one of the choices offered.");
		}
	}

}
