package org.backcare.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.StartBack;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RequestKeys;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The progress pages: "My progress" for the client, the same for the care team with the
 * baseline and summary forms ({@code /clients/{id}/progress}, and its charts inside the
 * client's chart), the follow-up questionnaire, the report download, and the clinic's
 * outcomes for its admins.
 */
@Controller
class ProgressPages {

	static final String PAGE = "outcomes/progress";

	static final String FOLLOW_UP = "outcomes/follow-up";

	static final String CLINIC = "outcomes/clinic";

	private final Outcomes outcomes;

	private final ProgressReport report;

	private final ClinicOutcomes clinicOutcomes;

	private final Clinics clinics;

	private final Clock clock;

	ProgressPages(Outcomes outcomes, ProgressReport report, ClinicOutcomes clinicOutcomes, Clinics clinics,
			Clock clock) {
		this.clock = clock;
		this.outcomes = outcomes;
		this.report = report;
		this.clinicOutcomes = clinicOutcomes;
		this.clinics = clinics;
	}

	@GetMapping("/me/progress")
	String mine(Model model) {
		CurrentUser me = client();
		show(model, me, me.client());
		return PAGE;
	}

	@GetMapping("/clients/{id}/progress")
	String ofClient(@PathVariable UUID id, Model model) {
		show(model, CurrentUser.required(), new ClientId(id));
		return PAGE;
	}

	/** The charts alone, for the client's chart page to take in. */
	@GetMapping("/clients/{id}/progress/charts")
	String charts(@PathVariable UUID id, Model model) {
		show(model, CurrentUser.required(), new ClientId(id));
		return PAGE + " :: charts";
	}

	private void show(Model model, CurrentUser caller, ClientId client) {
		Progress progress = this.outcomes.of(caller, client);
		Clinic clinic = this.clinics.get(progress.client().clinicId());
		TimeZone zone = TimeZone.getTimeZone(clinic.zone());
		List<Chart> charts = progress.series()
			.stream()
			.map(series -> new Chart(series,
					series.points().isEmpty() ? null
							: ProgressChart.dataUri(ProgressChart.svg(series,
									progress.sessions()
										.stream()
										.filter(s -> s.status() == org.backcare.booking.AppointmentStatus.COMPLETED)
										.toList(),
									progress.planChanges(), zone))))
			.toList();
		model.addAttribute("progress", progress);
		model.addAttribute("charts", charts);
		model.addAttribute("zone", clinic.zone());
		model.addAttribute("own", caller.isClient(client));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), clinic.zone());
		model.addAttribute("today", today);

		model.addAttribute("source", ImportantChange.SOURCE);
		model.addAttribute("startBackRule", ImportantChange.STARTBACK_RULE);
		model.addAttribute("reportLink", caller.isClient(client) ? "/me/progress/report.pdf"
				: "/clients/" + client.value() + "/progress/report.pdf");
		model.addAttribute("mayChoose", caller.client() == null);
		model.addAttribute("maySign", caller.therapist() != null);
		model.addAttribute("requestKey", UUID.randomUUID().toString());
		// The summary's period by default: from the baseline, at most the longest period
		// back.
		LocalDate from = (progress.baseline() != null) ? LocalDate.ofInstant(progress.baseline().at(), clinic.zone())
				: today;
		model.addAttribute("summaryFrom", from.isBefore(today.minusYears(ProgressReport.MAX_YEARS))
				? today.minusYears(ProgressReport.MAX_YEARS) : from);
	}

	/** One table of the clinic's figures. */
	record Group(String title, List<ClinicOutcomes.Row> rows) {
	}

	/**
	 * A chart (an SVG data URI) and the series it draws; null when nothing was measured.
	 */
	record Chart(Series series, String image) {
	}

	@GetMapping("/me/progress/report.pdf")
	ResponseEntity<byte[]> myReport(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		CurrentUser me = client();
		return OutcomesController.pdf(this.report.pdf(me, me.client(), from, to));
	}

	@GetMapping("/clients/{id}/progress/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return OutcomesController.pdf(this.report.pdf(CurrentUser.required(), new ClientId(id), from, to));
	}

	@PostMapping("/clients/{id}/progress/baseline")
	String baseline(@PathVariable UUID id, @RequestParam(required = false) String measurementId,
			@RequestParam(required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CurrentUser caller = CurrentUser.required();
		UUID measurement = uuid(measurementId);
		if (measurement == null || reason == null || reason.isBlank() || reason.length() > 1000) {
			return refused(model, response, caller, new ClientId(id), new InvalidRequest(
					"Choose the intake or follow-up to measure from, and say why (up to 1,000 " + "characters)."));
		}
		try {
			this.outcomes.chooseBaseline(caller, new ClientId(id), measurement, reason);
		}
		catch (ProblemException refused) {
			return refused(model, response, caller, new ClientId(id), refused);
		}
		redirect.addFlashAttribute("done", "The baseline is changed; progress is now measured from it.");
		return "redirect:/clients/" + id + "/progress";
	}

	@PostMapping("/clients/{id}/progress/summary")
	String summary(@PathVariable UUID id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String requestKey, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CurrentUser caller = CurrentUser.required();
		LocalDate first = date(from);
		LocalDate last = date(to);
		if (first == null || last == null || summary == null || summary.isBlank()
				|| summary.length() > ProgressSummary.MAX_BODY) {
			return refused(model, response, caller, new ClientId(id),
					new InvalidRequest("Give the period (from and to, as dates) and the summary (up to "
							+ ProgressSummary.MAX_BODY + " characters)."));
		}
		try {
			this.outcomes.sign(caller, new ClientId(id), first, last, summary, RequestKeys.fromForm(requestKey));
		}
		catch (ProblemException refused) {
			return refused(model, response, caller, new ClientId(id), refused);
		}
		redirect.addFlashAttribute("done", "The summary is signed; it is in the progress report from now on.");
		return "redirect:/clients/" + id + "/progress";
	}

	/**
	 * The page again with what was wrong; who may not see the client is refused as
	 * always.
	 */
	private String refused(Model model, HttpServletResponse response, CurrentUser caller, ClientId client,
			ProblemException problem) {
		if (problem.status() == HttpStatus.NOT_FOUND || problem.status() == HttpStatus.FORBIDDEN) {
			throw problem;
		}
		show(model, caller, client);
		model.addAttribute("problem", problem.getMessage());
		response.setStatus(problem.status().value());
		return PAGE;
	}

	private static UUID uuid(String given) {
		try {
			return (given == null) ? null : UUID.fromString(given.strip());
		}
		catch (IllegalArgumentException notOne) {
			return null;
		}
	}

	private static LocalDate date(String given) {
		try {
			return (given == null) ? null : LocalDate.parse(given.strip());
		}
		catch (java.time.format.DateTimeParseException notOne) {
			return null;
		}
	}

	@GetMapping("/me/follow-up")
	String followUpForm(Model model) {
		CurrentUser me = client();
		prepare(model, new LinkedMultiValueMap<>(), Map.of());
		model.addAttribute("why", this.outcomes.followUpDue(me).orElse(null));
		return FOLLOW_UP;
	}

	@PostMapping("/me/follow-up")
	String followUp(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletResponse response) {
		CurrentUser me = client();
		FollowUpForm form = FollowUpForm.read(fields);
		if (!form.errors().isEmpty()) {
			prepare(model, fields, form.errors());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return FOLLOW_UP;
		}
		try {
			this.outcomes.answer(me, me.client(), form.answers(), RequestKeys.fromForm(fields.getFirst("requestKey")));
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			prepare(model, fields, Map.of());
			model.addAttribute("problem", refused.getMessage());
			response.setStatus(refused.status().value());
			return FOLLOW_UP;
		}
		return "redirect:/me/progress?answered";
	}

	private static void prepare(Model model, MultiValueMap<String, String> fields, Map<String, String> errors) {
		model.addAttribute("values", fields.toSingleValueMap());
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("startBackItems", StartBack.ITEMS);
		model.addAttribute("bothersomeItem", StartBack.BOTHERSOMENESS_ITEM);
		model.addAttribute("bothersomeness", StartBack.Bothersomeness.values());
		model.addAttribute("odiSections", Oswestry.SECTIONS);
		model.addAttribute("requestKey",
				fields.containsKey("requestKey") ? fields.getFirst("requestKey") : UUID.randomUUID().toString());
	}

	@GetMapping("/admin/outcomes")
	String clinic(Model model) {
		CurrentUser me = CurrentUser.required();
		ClinicOutcomes.View view = this.clinicOutcomes.of(me);
		model.addAttribute("view", view);
		model.addAttribute("groups", List.of(new Group("Overall", List.of(view.overall())),
				new Group("By therapist", view.byTherapist()), new Group("By technique", view.byTechnique())));
		model.addAttribute("schedule", this.outcomes.schedule(me));
		model.addAttribute("source", ImportantChange.SOURCE);
		return CLINIC;
	}

	@PostMapping("/admin/outcomes/schedule")
	String schedule(@RequestParam(required = false) String afterInitialPhase,
			@RequestParam(required = false) String everyWeeks, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.required();
		Integer weeks = (everyWeeks != null && everyWeeks.strip().matches("\\d{1,2}"))
				? Integer.valueOf(everyWeeks.strip()) : null;
		try {
			if (weeks == null) {
				throw new InvalidRequest("Say every how many weeks, 1 to " + FollowUpSchedule.MAX_WEEKS + ".");
			}
			this.outcomes.setSchedule(me, new FollowUpSchedule("true".equals(afterInitialPhase), weeks));
		}
		catch (ProblemException refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			clinic(model);
			model.addAttribute("problem", refused.getMessage());
			response.setStatus(refused.status().value());
			return CLINIC;
		}
		redirect.addFlashAttribute("done", "The follow-up schedule is saved.");
		return "redirect:/admin/outcomes";
	}

	private static CurrentUser client() {
		CurrentUser me = CurrentUser.required();
		if (me.client() == null) {
			throw new Forbidden("This page is for clients; the care team reads a client's progress from their chart.");
		}
		return me;
	}

}
