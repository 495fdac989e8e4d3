package org.backcare.intake;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.Assessment;
import org.backcare.assessment.CareRules;
import org.backcare.assessment.Cause;
import org.backcare.assessment.ContraindicationScreen;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.Licences;
import org.backcare.assessment.Oswestry;
import org.backcare.assessment.PainDuration;
import org.backcare.assessment.PainRegion;
import org.backcare.assessment.Questions;
import org.backcare.assessment.Recommendation.Phase;
import org.backcare.assessment.RedFlagScreen;
import org.backcare.assessment.StartBack;
import org.backcare.client.ClientId;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Technique;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Intake and assessment")
@SecurityRequirement(name = "bearer")
class IntakeController {

	private final Intakes intakes;

	IntakeController(Intakes intakes) {
		this.intakes = intakes;
	}

	@PostMapping("/api/v1/clients/{clientId}/intakes")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "201", description = "Created")
	@Operation(summary = "Submit an intake (the client, or the front desk entering a paper form)",
			description = "Scores STarT Back, Oswestry and the pain ratings, screens for red flags and "
					+ "contraindications, and recommends care with the rules that fired. A referral result blocks "
					+ "booking until a medical clearance is recorded. Questions and allowed values: "
					+ "GET /api/v1/intake/questionnaire.")
	ResponseEntity<IntakeView> submit(@PathVariable UUID clientId, @Valid @RequestBody IntakeAnswers answers) {
		Intake intake = this.intakes.submit(CurrentUser.required(), new ClientId(clientId), answers);
		return ResponseEntity.created(URI.create("/api/v1/intakes/" + intake.id())).body(IntakeView.of(intake));
	}

	@GetMapping("/api/v1/clients/{clientId}/intakes")
	@Operation(summary = "A client's intakes, newest first")
	List<IntakeView> all(@PathVariable UUID clientId) {
		return this.intakes.all(CurrentUser.required(), new ClientId(clientId)).stream().map(IntakeView::of).toList();
	}

	@GetMapping("/api/v1/clients/{clientId}/intakes/latest")
	@Operation(summary = "A client's most recent intake and assessment")
	IntakeView latest(@PathVariable UUID clientId) {
		return this.intakes.latest(CurrentUser.required(), new ClientId(clientId))
			.map(IntakeView::of)
			.orElseThrow(() -> new RecordNotFound("Intake", "(none yet for client " + clientId + ")"));
	}

	@GetMapping("/api/v1/intakes/{id}")
	@Operation(summary = "One intake with its assessment, clearance and overrides")
	IntakeView read(@PathVariable UUID id) {
		return IntakeView.of(this.intakes.read(CurrentUser.required(), new IntakeId(id)));
	}

	@PostMapping("/api/v1/intakes/{id}/clearance")
	@ApiResponse(responseCode = "409", description = "A clearance is already recorded (already-cleared)")
	@ApiResponse(responseCode = "422", description = "The intake asked for no referral (no-referral)")
	@ApiResponse(responseCode = "201", description = "Created")
	@Operation(summary = "Record a doctor's all-clear after a referral (admins, and therapists who treat the client)",
			description = "Unblocks booking. One per intake (409 if one exists); refused with 422 when the intake asked "
					+ "for no referral. Audited.")
	ResponseEntity<IntakeView> clear(@PathVariable UUID id, @Valid @RequestBody ClearanceRequest request) {
		Intake intake = this.intakes.clear(CurrentUser.required(), new IntakeId(id), request.clearedBy(),
				request.clearedOn(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/intakes/" + id)).body(IntakeView.of(intake));
	}

	@PostMapping("/api/v1/intakes/{id}/overrides")
	@ApiResponse(responseCode = "422",
			description = "A chosen technique is ruled out by a contraindication (technique-contraindicated)")
	@ApiResponse(responseCode = "201", description = "Created")
	@Operation(summary = "Override the recommended techniques and schedule, with a reason (kept with earlier ones)",
			description = "A technique the client's contraindications rule out is refused with 422.")
	ResponseEntity<IntakeView> override(@PathVariable UUID id, @Valid @RequestBody OverrideRequest request) {
		Intake intake = this.intakes.override(CurrentUser.required(), new IntakeId(id), request.techniques(),
				new Phase(request.initialSessions(), request.everyDays(), request.maintenanceEveryWeeks(),
						request.note()),
				request.note());
		return ResponseEntity.created(URI.create("/api/v1/intakes/" + id)).body(IntakeView.of(intake));
	}

	@GetMapping("/api/v1/intake/rules")
	@Operation(summary = "Every care rule, red flag and contraindication, with its published source")
	RuleBook rules() {
		return RuleBook.current();
	}

	@GetMapping("/api/v1/intake/questionnaire")
	@Operation(summary = "The intake's questions and allowed answers, with each instrument's version and licence note")
	Questionnaire questionnaire() {
		return Questionnaire.current();
	}

	record ClearanceRequest(@NotBlank @Size(max = 200) String clearedBy, @NotNull LocalDate clearedOn,
			@Size(max = 2000) String note) {
	}

	record OverrideRequest(@NotNull @NotEmpty @Size(max = 4) List<@NotNull Technique> techniques,
			@NotNull @Min(1) @Max(52) Integer initialSessions, @NotNull @Min(1) @Max(60) Integer everyDays,
			@Min(1) @Max(52) Integer maintenanceEveryWeeks, @NotBlank @Size(max = 2000) String note) {
	}

	/** An intake as the API shows it: answers, assessment, and what is in force now. */
	record IntakeView(UUID id, UUID clientId, Instant submittedAt, IntakeAnswers answers, Assessment assessment,
			String referralAdvice, MedicalClearance clearance, List<RecommendationOverride> overrides, InForce inForce,
			boolean mayBook) {

		static IntakeView of(Intake intake) {
			return new IntakeView(intake.id().value(), intake.clientId().value(), intake.submittedAt(),
					intake.answers(), intake.assessment(), intake.assessment().referralAdvice(), intake.clearance(),
					intake.overrides(), new InForce(intake.techniques(), intake.phase(), intake.overridden()),
					intake.mayBook());
		}

	}

	record InForce(List<Technique> techniques, Phase phase, boolean overridden) {
	}

	record RuleBook(String version, List<CareRules.RuleView> careRules, List<ScreenRule> redFlags,
			List<ScreenRule> contraindications) {

		static RuleBook current() {
			return new RuleBook(CareRules.VERSION, CareRules.table(),
					RedFlagScreen.FLAGS.stream()
						.map(flag -> new ScreenRule(flag.code(), flag.severity().name(), flag.forTherapist(), List.of(),
								flag.source()))
						.toList(),
					ContraindicationScreen.RULES.stream()
						.map(rule -> new ScreenRule(rule.code(), "CAUTION", rule.forTherapist(),
								rule.rulesOut().stream().sorted().toList(), rule.source()))
						.toList());
		}

	}

	record ScreenRule(String code, String result, String meaning, List<Technique> rulesOut, String source) {
	}

	record Questionnaire(Map<PainRegion, String> painRegions, Map<PainDuration, String> durations,
			Map<Cause, String> causes, Instrument startBack, Instrument oswestry, Instrument nprs) {

		static Questionnaire current() {
			Map<PainRegion, String> regions = new LinkedHashMap<>();
			Arrays.stream(PainRegion.values()).forEach(region -> regions.put(region, region.label()));
			Map<PainDuration, String> durations = new LinkedHashMap<>();
			Arrays.stream(PainDuration.values()).forEach(duration -> durations.put(duration, duration.label()));
			Map<Cause, String> causes = new LinkedHashMap<>();
			Arrays.stream(Cause.values()).forEach(cause -> causes.put(cause, cause.label()));
			List<Option> agree = List.of(new Option("true", "Agree"), new Option("false", "Disagree"));
			List<Item> startBack = new ArrayList<>();
			for (int item = 0; item < StartBack.ITEMS.size(); item++) {
				startBack.add(new Item("startBack.agree[" + item + "]", StartBack.ITEMS.get(item), agree));
			}
			startBack.add(new Item("startBack.bothersomeness", StartBack.BOTHERSOMENESS_ITEM,
					Arrays.stream(StartBack.Bothersomeness.values())
						.map(answer -> new Option(answer.name(), answer.label()))
						.toList()));
			List<Item> oswestry = new ArrayList<>();
			for (int section = 0; section < Oswestry.SECTIONS.size(); section++) {
				Oswestry.Section questions = Oswestry.SECTIONS.get(section);
				List<Option> statements = new ArrayList<>();
				for (int score = 0; score < questions.statements().size(); score++) {
					statements.add(new Option(String.valueOf(score), questions.statements().get(score)));
				}
				oswestry.add(new Item("oswestry.sections[" + section + "]", questions.title(), statements));
			}
			List<Option> zeroToTen = IntStream.rangeClosed(0, 10)
				.mapToObj(score -> new Option(String.valueOf(score),
						(score == 0) ? "0 = no pain"
								: (score == 10) ? "10 = worst pain imaginable" : String.valueOf(score)))
				.toList();
			return new Questionnaire(regions, durations, causes,
					new Instrument(StartBack.VERSION, Licences.START_BACK, startBack),
					new Instrument(Oswestry.VERSION, Licences.OSWESTRY, oswestry),
					new Instrument(IntakeAnswers.PainRatings.VERSION, Licences.NPRS,
							List.of(new Item("pain.now", "Pain now", zeroToTen),
									new Item("pain.average", "Average pain, last 7 days", zeroToTen),
									new Item("pain.worst", "Worst pain, last 7 days", zeroToTen))));
		}

	}

	/**
	 * A validated instrument: its version, its licence note, and every item with its
	 * answer options.
	 */
	@Schema(name = "QuestionnaireInstrument")
	record Instrument(String version, String licence, List<Item> items) {
	}

	/** One question: {@code field} is where its answer goes in the intake body. */
	@Schema(name = "QuestionnaireItem")
	record Item(String field, String text, List<Option> options) {
	}

	/**
	 * An allowed answer: {@code value} as it is sent (a name, a number, or true/false),
	 * and its wording.
	 */
	@Schema(name = "QuestionnaireOption")
	record Option(String value, String label) {
	}

}
