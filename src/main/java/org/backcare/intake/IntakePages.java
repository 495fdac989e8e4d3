package org.backcare.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.BodyDiagram;
import org.backcare.assessment.Cause;
import org.backcare.assessment.GenderPreference;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.Licences;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.PainDuration;
import org.backcare.assessment.PainRegion;
import org.backcare.assessment.Pressure;
import org.backcare.assessment.Questions;
import org.backcare.assessment.Recommendation.Phase;
import org.backcare.assessment.StartBack;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.intake.IntakeController.ClearanceRequest;
import org.backcare.intake.IntakeController.OverrideRequest;
import org.backcare.platform.FormProblems;
import org.backcare.platform.ProblemException;
import org.backcare.therapist.Technique;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The intake pages: the questionnaire with its pain map, the result the client sees, and
 * the same assessment for the clinic's staff with the clearance and override forms.
 * Problems are shown on the page, next to what the person can fix.
 */
@Controller
class IntakePages {

	static final String FORM = "intake/form";

	static final String RESULT = "intake/result";

	static final String NONE_YET = "intake/none";

	static final String LIST = "intake/list";

	private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pl", "pt", "tr", "ar",
			"ru", "uk");

	private final Intakes intakes;

	private final Clients clients;

	private final Validator validator;

	private final Clinics clinics;

	private final MessageSource messages;

	private final Clock clock;

	IntakePages(Intakes intakes, Clients clients, Validator validator, Clinics clinics, MessageSource messages,
			Clock clock) {
		this.messages = messages;
		this.intakes = intakes;
		this.clients = clients;
		this.validator = validator;
		this.clinics = clinics;
		this.clock = clock;
	}

	@GetMapping("/intake")
	String form(@RequestParam(required = false) UUID client, Model model, Locale locale) {
		prepareForm(model, new LinkedMultiValueMap<>(), new IntakeFormErrors(this.messages, locale), client);
		return FORM;
	}

	/**
	 * The questionnaire's fields are bound straight onto the form's fields (it has no
	 * setters to hide behind).
	 */
	@InitBinder("form")
	void bindFields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@PostMapping("/intake")
	String submit(@ModelAttribute("form") IntakeForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> fields, Model model, Locale locale) {
		CurrentUser caller = CurrentUser.required();
		IntakeAnswers answers = form.answers();
		IntakeFormErrors errors = new IntakeFormErrors(this.messages, locale);
		binding.getFieldErrors().forEach(errors::unreadable);
		for (ConstraintViolation<IntakeAnswers> violation : this.validator.validate(answers)) {
			errors.violation(violation);
		}
		UUID client = (caller.client() != null) ? caller.client().value() : form.client;
		if (client == null) {
			errors.missingClient();
		}
		if (!errors.isEmpty()) {
			prepareForm(model, fields, errors, client);
			return FORM;
		}
		// The form's own key makes a double click or a resubmitted page land on the same
		// intake.
		String requestKey = fields.getFirst("requestKey");
		String key = org.backcare.platform.RequestKeys.fromForm(requestKey);
		try {
			Intake intake = this.intakes.submit(caller, new ClientId(client), answers, key);
			return "redirect:/intake/" + intake.id();
		}
		catch (ProblemException refused) {
			errors.refused(refused.getMessage());
			prepareForm(model, fields, errors, client);
			return FORM;
		}
	}

	@GetMapping("/intake/{id}")
	String result(@PathVariable UUID id, Model model) {
		CurrentUser caller = CurrentUser.required();
		Intake intake = this.intakes.read(caller, new IntakeId(id));
		prepareResult(model, caller, intake, null);
		return RESULT;
	}

	/**
	 * The latest assessment of a client, for their therapist or the front desk (linked
	 * from appointments).
	 */
	@GetMapping("/clients/{clientId}/assessment")
	String latest(@PathVariable UUID clientId, Model model) {
		CurrentUser caller = CurrentUser.required();
		return this.intakes.latest(caller, new ClientId(clientId))
			.map(intake -> "redirect:/intake/" + intake.id())
			.orElseGet(() -> {
				model.addAttribute("client", this.clients.get(new ClientId(clientId)));
				return NONE_YET;
			});
	}

	/**
	 * The staff's list: clients with their latest assessment, referrals and cautions
	 * first.
	 */
	@GetMapping("/assessments")
	String overview(Model model) {
		List<Intakes.ClientAssessment> rows = new ArrayList<>(this.intakes.overview(CurrentUser.required()));
		rows.sort(Comparator.comparingInt(IntakePages::urgency).thenComparing(row -> row.client().name()));
		model.addAttribute("rows", rows);
		model.addAttribute("therapist", CurrentUser.required().therapist() != null);
		model.addAttribute("clinic", this.clinics.get(CurrentUser.required().clinic()));
		return LIST;
	}

	/**
	 * Referrals waiting for an all-clear first, then cautions, then the rest, then no
	 * intake.
	 */
	private static int urgency(Intakes.ClientAssessment row) {
		if (row.latest() == null) {
			return 4;
		}
		if (!row.latest().mayBook()) {
			return 0;
		}
		return row.latest().assessment().caution() ? 1 : 2;
	}

	@PostMapping("/intake/{id}/clearance")
	String clear(@PathVariable UUID id, @Valid ClearanceRequest clearance, BindingResult binding, Model model,
			Locale locale) {
		CurrentUser caller = CurrentUser.required();
		String problem = binding.hasErrors() ? FormProblems.of(binding, this.messages, locale, "clearance") : null;
		if (problem == null) {
			try {
				this.intakes.clear(caller, new IntakeId(id), clearance.clearedBy(), clearance.clearedOn(),
						clearance.note());
				return "redirect:/intake/" + id;
			}
			catch (ProblemException refused) {
				problem = refused.getMessage();
			}
		}
		prepareResult(model, caller, this.intakes.read(caller, new IntakeId(id)), problem);
		return RESULT;
	}

	/**
	 * Bound to the same record as {@code POST /api/v1/intakes/{id}/overrides}: one set of
	 * constraints.
	 */
	@PostMapping("/intake/{id}/override")
	String override(@PathVariable UUID id, @Valid OverrideRequest change, BindingResult binding, Model model,
			Locale locale) {
		CurrentUser caller = CurrentUser.required();
		String problem = binding.hasErrors() ? FormProblems.of(binding, this.messages, locale, "override") : null;
		if (problem == null) {
			try {
				this.intakes.override(
						caller, new IntakeId(id), change.techniques(), new Phase(change.initialSessions(),
								change.everyDays(), change.maintenanceEveryWeeks(), change.note().strip()),
						change.note());
				return "redirect:/intake/" + id;
			}
			catch (ProblemException refused) {
				problem = refused.getMessage();
			}
		}
		prepareResult(model, caller, this.intakes.read(caller, new IntakeId(id)), problem);
		return RESULT;
	}

	private void prepareForm(Model model, MultiValueMap<String, String> fields, IntakeFormErrors errors, UUID client) {
		CurrentUser caller = CurrentUser.required();
		Map<String, String> values = new LinkedHashMap<>();
		fields.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
		model.addAttribute("values", values);
		model.addAttribute("chosenCauses", fields.getOrDefault("causes", List.of()));
		model.addAttribute("errors", errors.lines());
		model.addAttribute("fieldErrors", errors.byField());
		// A resubmitted page keeps its key, so it cannot store the same intake twice.
		String key = fields.getFirst("requestKey");
		model.addAttribute("requestKey",
				(key != null && key.matches("[0-9a-f-]{36}")) ? key : UUID.randomUUID().toString());
		model.addAttribute("regions", PainRegion.values());
		model.addAttribute("back", BodyDiagram.BACK);
		model.addAttribute("front", BodyDiagram.FRONT);
		Map<String, Integer> levels = new LinkedHashMap<>();
		for (PainRegion region : PainRegion.values()) {
			String level = values.get("pain[" + region.name() + "]");
			if (level != null && level.matches("(10|[1-9])")) {
				levels.put(region.name(), Integer.valueOf(level));
			}
		}
		model.addAttribute("levels", levels);
		model.addAttribute("durations", PainDuration.values());
		model.addAttribute("causes", Cause.values());
		model.addAttribute("pressures", Pressure.values());
		model.addAttribute("genders", GenderPreference.values());
		model.addAttribute("languages",
				LANGUAGES.stream()
					.map(tag -> Map.entry(tag, Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH)))
					.toList());
		model.addAttribute("startBackItems", StartBack.ITEMS);
		model.addAttribute("bothersomeItem", StartBack.BOTHERSOMENESS_ITEM);
		model.addAttribute("bothersomeness", StartBack.Bothersomeness.values());
		model.addAttribute("odiSections", Oswestry.SECTIONS);
		model.addAttribute("redFlagQuestions", Questions.RED_FLAGS);
		model.addAttribute("contraindicationQuestions", Questions.CONTRAINDICATIONS);
		model.addAttribute("licences", List.of(Licences.START_BACK, Licences.OSWESTRY, Licences.NPRS));
		// The front desk enters paper forms for any client of the clinic; a client fills
		// in their own.
		model.addAttribute("clients", (caller.client() != null) ? List.of() : this.clients.current(caller.clinic()));
		model.addAttribute("selectedClient", client);
	}

	private void prepareResult(Model model, CurrentUser caller, Intake intake, String problem) {
		Client client = this.clients.get(intake.clientId());
		Map<String, Integer> levels = new LinkedHashMap<>();
		intake.answers().painMap().regions().forEach((region, level) -> levels.put(region.name(), level));
		model.addAttribute("intake", intake);
		model.addAttribute("assessment", intake.assessment());
		model.addAttribute("client", client);
		model.addAttribute("staff", caller.client() == null);
		model.addAttribute("problem", problem);
		model.addAttribute("back", BodyDiagram.BACK);
		model.addAttribute("front", BodyDiagram.FRONT);
		model.addAttribute("levels", levels);
		model.addAttribute("regionsHurting",
				intake.answers()
					.painMap()
					.regions()
					.entrySet()
					.stream()
					.sorted(Map.Entry.<PainRegion, Integer>comparingByValue().reversed())
					.map(entry -> entry.getKey().label() + " " + entry.getValue() + "/10")
					.toList());
		model.addAttribute("allTechniques", Arrays.asList(Technique.values()));
		Map<Technique, List<String>> reasons = new EnumMap<>(Technique.class);
		intake.assessment()
			.recommendation()
			.techniques()
			.forEach(choice -> reasons.put(choice.technique(), choice.reasons()));
		model.addAttribute("reasons", reasons);
		Clinic clinic = this.clinics.get(intake.clinicId());
		model.addAttribute("clinic", clinic);
		model.addAttribute("today", LocalDate.now(this.clock.withZone(clinic.zone())));
	}

	/** The question a validation path stands for, as the client read it. */
	static String label(String path) {
		String field = path.substring(path.lastIndexOf('.') + 1);
		if (path.startsWith("redFlags.") && Questions.RED_FLAGS.containsKey(field)) {
			return Questions.RED_FLAGS.get(field);
		}
		if (path.startsWith("contraindications.") && Questions.CONTRAINDICATIONS.containsKey(field)) {
			return Questions.CONTRAINDICATIONS.get(field);
		}
		if (path.startsWith("startBack.agree[")) {
			int item = Integer.parseInt(path.replaceAll("\\D", "")) + 1;
			return "Back pain questions, item " + item + " (\"" + StartBack.ITEMS.get(item - 1) + "\")";
		}
		if (path.startsWith("oswestry.sections[")) {
			int section = Integer.parseInt(path.replaceAll("\\D", ""));
			return "Everyday life, section " + (section + 1) + " (" + Oswestry.SECTIONS.get(section).title() + ")";
		}
		return switch (path) {
			case "painMap.regions" -> "Pain map";
			case "pain.now" -> "Pain now";
			case "pain.average" -> "Average pain over the last week";
			case "pain.worst" -> "Worst pain over the last week";
			case "pain.worstAtLeastNowAndAverage" -> "Pain ratings";
			case "duration" -> "How long you have had this pain";
			case "goals.wantToDoAgain" -> "What you want to be able to do again";
			case "goals.pressure" -> "Preferred pressure";
			case "goals.therapistGender" -> "Therapist preference";
			case "goals.language" -> "Language";
			case "startBack.bothersomeness" -> "Back pain questions, item 9 (how bothersome)";
			case "oswestry.scorable" -> "Everyday life";
			case "body.heightCm" -> "Height (cm)";
			case "body.weightKg" -> "Weight (kg)";
			default -> path;
		};
	}

}
