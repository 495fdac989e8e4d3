package org.backcare.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Booking regular sessions on a page: the first session, how often and how many (from the
 * client's plan when they have one), then every session checked, each conflict with its
 * alternatives to choose or to leave out, then all of them booked at once — or none.
 */
@Controller
class SeriesPages {

	static final String PAGE = "booking/series";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final SeriesBookings series;

	private final Bookings bookings;

	private final Clinics clinics;

	private final Therapists therapists;

	private final ClientPicker picker;

	SeriesPages(SeriesBookings series, Bookings bookings, Clinics clinics, Therapists therapists, ClientPicker picker) {
		this.series = series;
		this.bookings = bookings;
		this.clinics = clinics;
		this.therapists = therapists;
		this.picker = picker;
	}

	/** The form, and with a first day and time, the plan of every session. */
	@GetMapping("/book/series")
	String form(@RequestParam(required = false) UUID therapist, @RequestParam(required = false) String service,
			@RequestParam(required = false) UUID client, @RequestParam(required = false) String find,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
			@RequestParam(required = false) Integer everyWeeks, @RequestParam(required = false) Integer count,
			@RequestParam(required = false) String check, Model model) {
		CurrentUser caller = CurrentUser.required();
		if (noTherapists(caller, model)) {
			return PAGE;
		}
		Form form = prepare(model, caller, therapist, service, client, find, date, time, everyWeeks, count);
		if (check != null && form.complete()) {
			try {
				model.addAttribute("plan", this.series.check(caller, form.request(Set.of(), Map.of())));
			}
			catch (ProblemException refused) {
				if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
					throw refused;
				}
				model.addAttribute("error", refused.getMessage());
			}
		}
		else if (check != null) {
			model.addAttribute("error", "Please choose who is coming, the first day and the time.");
		}
		return PAGE;
	}

	/**
	 * Books the series with the choices made for each conflicting session: an
	 * alternative's start, or "skip" to leave it out.
	 */
	@PostMapping("/book/series")
	String book(@RequestParam UUID therapist, @RequestParam String service, @RequestParam UUID client,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time, @RequestParam int everyWeeks,
			@RequestParam int count, @RequestParam(required = false) String requestKey,
			@RequestParam MultiValueMap<String, String> all, Model model, RedirectAttributes redirect) {
		CurrentUser caller = CurrentUser.required();
		if (noTherapists(caller, model)) {
			return PAGE;
		}
		Form form = prepare(model, caller, therapist, service, client, null, date, time, everyWeeks, count);
		Set<LocalDate> skip = new HashSet<>();
		Map<LocalDate, Instant> replace = new HashMap<>();
		all.forEach((name, values) -> {
			if (name.startsWith("choice-") && !values.isEmpty()) {
				LocalDate day = parseDate(name.substring("choice-".length()));
				String choice = values.get(0);
				if ("skip".equals(choice)) {
					skip.add(day);
				}
				else if (!"keep".equals(choice)) {
					replace.put(day, parseStart(choice));
				}
			}
		});
		String key = (requestKey != null && requestKey.matches("[0-9a-f-]{36}"))
				? caller.id() + "/series-page-" + requestKey : null;
		try {
			SeriesPlan booked = this.series.book(caller, form.request(skip, replace), key);
			long sessions = booked.sessions().stream().filter(SeriesPlan.Session::booked).count();
			redirect.addFlashAttribute("done", sessions + " sessions booked.");
			return (caller.client() != null) ? "redirect:/me/appointments" : "redirect:/calendar?date=" + date;
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("error", refused.getMessage());
			model.addAttribute("plan", (refused instanceof SeriesConflicts conflicts) ? conflicts.plan()
					: this.series.check(caller, form.request(Set.of(), Map.of())));
			return PAGE;
		}
	}

	/** A clinic without therapists has nothing to book yet: the page says so. */
	private boolean noTherapists(CurrentUser caller, Model model) {
		if (!this.therapists.all(caller.clinic()).isEmpty()) {
			return false;
		}
		model.addAttribute("empty", true);
		model.addAttribute("error", "This clinic has no therapists yet: add one before booking sessions.");
		return true;
	}

	private Form prepare(Model model, CurrentUser caller, UUID therapistId, String serviceCode, UUID client,
			String find, LocalDate date, LocalTime time, Integer everyWeeks, Integer count) {
		Clinic clinic = this.clinics.get(caller.clinic());
		var all = this.therapists.all(clinic.id());
		var chosen = all.stream()
			.filter(therapist -> therapist.id().value().equals(therapistId))
			.findFirst()
			.orElse(all.isEmpty() ? null : all.get(0));
		List<ServiceType> services = this.clinics.services(clinic.id());
		ServiceType service = services.stream()
			.filter(offered -> offered.code().equals(serviceCode))
			.findFirst()
			.orElse(services.stream()
				.filter(offered -> offered.code().equals(ServiceType.TREATMENT_60))
				.findFirst()
				.orElse(services.get(0)));
		this.picker.pick(model, find, client);
		// A client's own plan suggests the rhythm.
		BookingGuard.Cadence cadence = (caller.client() != null)
				? this.bookings.guidance(caller.client()).map(BookingGuard.Guidance::cadence).orElse(null) : null;
		int weeks = (everyWeeks != null) ? everyWeeks : (cadence != null) ? cadence.everyWeeks() : 1;
		int sessions = (count != null) ? count : (cadence != null) ? cadence.sessions() : 6;
		ClientId who = (caller.client() != null) ? caller.client() : (client != null) ? new ClientId(client) : null;
		model.addAttribute("clinic", clinic);
		model.addAttribute("therapists", all);
		model.addAttribute("therapist", chosen);
		model.addAttribute("services", services);
		model.addAttribute("service", service);
		model.addAttribute("date", date);
		model.addAttribute("time", (time != null) ? TIME.format(time) : null);
		model.addAttribute("everyWeeks", weeks);
		model.addAttribute("count", sessions);
		model.addAttribute("cadence", cadence);
		model.addAttribute("maxWeeks", SeriesRule.MAX_WEEKS_APART);
		model.addAttribute("maxSessions", SeriesRule.MAX_SESSIONS);
		model.addAttribute("requestKey", UUID.randomUUID());
		model.addAttribute("chosenClient", (who != null) ? who.value() : null);
		return new Form(clinic, chosen.id(), service.code(), who, date, time, weeks, sessions);
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidRequest("'" + text + "' is not a date (as 2026-12-07).");
		}
	}

	private static Instant parseStart(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidRequest("'" + text + "' is not a start time with its offset.");
		}
	}

	/** What the form holds, and the series it asks for. */
	private record Form(Clinic clinic, TherapistId therapist, String service, ClientId client, LocalDate date,
			LocalTime time, int everyWeeks, int count) {

		boolean complete() {
			return this.client != null && this.date != null && this.time != null;
		}

		SeriesRequest request(Set<LocalDate> skip, Map<LocalDate, Instant> replace) {
			if (!complete()) {
				throw new InvalidRequest("Please choose who is coming, the first day and the time.");
			}
			return new SeriesRequest(this.client, this.therapist, this.service, null,
					this.date.atTime(this.time).atZone(this.clinic.zone()).toInstant(),
					new SeriesRule(this.everyWeeks, this.count, null), skip, replace, null);
		}

	}

}
