package org.backcare.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.platform.RequestKeys;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.outcomes.ImportantChange.Verdict;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outcomes through the API: a client's progress judged against the minimal important
 * change, follow-ups, the baseline, signed summaries, the progress report (PDF), and the
 * clinic's figures and follow-up schedule.
 */
@RestController
@Validated
@Tag(name = "Outcomes")
@SecurityRequirement(name = "bearer")
class OutcomesController {

	static final MediaType PDF = MediaType.APPLICATION_PDF;

	private final Outcomes outcomes;

	private final ProgressReport report;

	private final ClinicOutcomes clinicOutcomes;

	private final Clinics clinics;

	OutcomesController(Outcomes outcomes, ProgressReport report, ClinicOutcomes clinicOutcomes, Clinics clinics) {
		this.outcomes = outcomes;
		this.report = report;
		this.clinicOutcomes = clinicOutcomes;
		this.clinics = clinics;
	}

	@GetMapping("/api/v1/clients/{id}/outcomes")
	@ApiResponse(responseCode = "200", description = "Each measure over time, judged from the baseline")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "A client's progress",
			description = "For the client, the clinic's admins and therapists who have met the client. Audited. Each "
					+ "measure's baseline, latest score, change in points and percent, and whether that is an "
					+ "important improvement, an important worsening or neither (Ostelo et al. 2008).")
	OutcomesView outcomes(@PathVariable UUID id) {
		return view(this.outcomes.of(CurrentUser.required(), new ClientId(id)));
	}

	@PostMapping("/api/v1/clients/{id}/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Answered; the client's progress with it")
	@ApiResponse(responseCode = "400", description = "An answer missing or out of range")
	@ApiResponse(responseCode = "403", description = "A therapist: the client answers (or the front desk enters it)")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "409", description = "'request-key-reused': the Idempotency-Key was another client's")
	@ApiResponse(responseCode = "422", description = "'no-intake': a follow-up is measured against an intake")
	@Operation(summary = "Answer a follow-up",
			description = "Pain now, STarT Back and Oswestry again, worded and scored as in the intake.")
	OutcomesView followUp(@PathVariable UUID id, @Valid @RequestBody FollowUpAnswers body,
			@Parameter(description = RequestKeys.IDEMPOTENCY) @RequestHeader(name = "Idempotency-Key",
					required = false) @Size(min = 1, max = 64) @Pattern(regexp = "[\\x21-\\x7E]+",
							message = "must be printable ASCII without spaces") String idempotencyKey) {
		CurrentUser caller = CurrentUser.required();
		this.outcomes.answer(caller, new ClientId(id), body, RequestKeys.fromApi(idempotencyKey));
		return view(this.outcomes.of(caller, new ClientId(id)));
	}

	@PutMapping("/api/v1/clients/{id}/outcomes/baseline")
	@ApiResponse(responseCode = "200", description = "Chosen; the client's progress judged from it")
	@ApiResponse(responseCode = "400", description = "Not one of the client's intakes or follow-ups; no reason")
	@ApiResponse(responseCode = "403", description = "The client: the care team chooses")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "Choose the baseline",
			description = "An intake or follow-up of the client's, with the reason; by the clinic's admins and "
					+ "therapists who have met the client. Every choice is kept; the latest is in force.")
	OutcomesView baseline(@PathVariable UUID id, @Valid @RequestBody OutcomeBaselineBody body) {
		return view(this.outcomes.chooseBaseline(CurrentUser.required(), new ClientId(id), body.measurementId(),
				body.reason()));
	}

	@PostMapping("/api/v1/clients/{id}/progress-summaries")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Signed")
	@ApiResponse(responseCode = "400", description = "A period ending after today or before it starts; no text")
	@ApiResponse(responseCode = "403", description = "Not a therapist who treats the client")
	@ApiResponse(responseCode = "409", description = "'request-key-reused': the Idempotency-Key was another client's")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "Sign a summary of a period of care",
			description = "For the progress report; signed with the therapist's name and licence, never changed.")
	ProgressSummaryView sign(@PathVariable UUID id, @Valid @RequestBody ProgressSummaryBody body,
			@Parameter(description = RequestKeys.IDEMPOTENCY) @RequestHeader(name = "Idempotency-Key",
					required = false) @Size(min = 1, max = 64) @Pattern(regexp = "[\\x21-\\x7E]+",
							message = "must be printable ASCII without spaces") String idempotencyKey) {
		return view(this.outcomes.sign(CurrentUser.required(), new ClientId(id), body.from(), body.to(), body.summary(),
				RequestKeys.fromApi(idempotencyKey)));
	}

	@GetMapping("/api/v1/clients/{id}/progress-summaries")
	@ApiResponse(responseCode = "200", description = "The signed summaries, the latest first")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "A client's signed progress summaries")
	List<ProgressSummaryView> summaries(@PathVariable UUID id) {
		return this.outcomes.summaries(CurrentUser.required(), new ClientId(id)).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/clients/{id}/progress-report")
	@ApiResponse(responseCode = "200", description = "The report, a tagged PDF",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "400", description = "A period ending after today, before it starts, or over 5 years")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "The progress report for the client's doctor",
			description = "From the baseline (or 'from') to today (or 'to'). Every download is audited.")
	ResponseEntity<byte[]> report(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return pdf(this.report.pdf(CurrentUser.required(), new ClientId(id), from, to));
	}

	static ResponseEntity<byte[]> pdf(byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backcare-progress-report.pdf\"")
			.body(pdf);
	}

	@GetMapping("/api/v1/admin/outcomes")
	@ApiResponse(responseCode = "200", description = "The clinic's figures: counts, no names")
	@ApiResponse(responseCode = "403", description = "Not an admin")
	@Operation(summary = "The clinic's outcomes",
			description = "Of the clients measured after their initial phase of care, the share with an important "
					+ "improvement (Oswestry or pain), overall, by therapist and by technique.")
	ClinicOutcomes.View clinic() {
		return this.clinicOutcomes.of(CurrentUser.required());
	}

	@GetMapping("/api/v1/admin/follow-up-schedule")
	@ApiResponse(responseCode = "200", description = "The clinic's follow-up schedule")
	@ApiResponse(responseCode = "403", description = "Not an admin")
	@Operation(summary = "When the clinic asks for a follow-up")
	FollowUpScheduleBody schedule() {
		FollowUpSchedule schedule = this.outcomes.schedule(CurrentUser.required());
		return new FollowUpScheduleBody(schedule.afterInitialPhase(), schedule.everyWeeks());
	}

	@PutMapping("/api/v1/admin/follow-up-schedule")
	@ApiResponse(responseCode = "200", description = "Set")
	@ApiResponse(responseCode = "400", description = "Weeks outside 1–52")
	@ApiResponse(responseCode = "403", description = "Not an admin")
	@Operation(summary = "Set when the clinic asks for a follow-up",
			description = "After the initial phase (or not), then every so many weeks; by default after the initial "
					+ "phase and every 4 weeks.")
	FollowUpScheduleBody setSchedule(@Valid @RequestBody FollowUpScheduleBody body) {
		FollowUpSchedule set = this.outcomes.setSchedule(CurrentUser.required(),
				new FollowUpSchedule(body.afterInitialPhase(), body.everyWeeks()));
		return new FollowUpScheduleBody(set.afterInitialPhase(), set.everyWeeks());
	}

	record OutcomeBaselineBody(@NotNull UUID measurementId, @NotBlank @Size(max = 1000) String reason) {
	}

	record ProgressSummaryBody(@NotNull LocalDate from, @NotNull LocalDate to,
			@NotBlank @Size(max = ProgressSummary.MAX_BODY) String summary) {
	}

	record FollowUpScheduleBody(@NotNull Boolean afterInitialPhase,
			@NotNull @Min(1) @Max(FollowUpSchedule.MAX_WEEKS) Integer everyWeeks) {
	}

	record ProgressSummaryView(UUID id, UUID clientId, LocalDate from, LocalDate to, String summary, Instant signedAt,
			String signedBy, String licence) {
	}

	record OutcomePointView(@Schema(description = "The intake or follow-up, or the session") UUID id, OffsetDateTime at,
			BigDecimal value, String category, Measurement.Source source) {
	}

	record OutcomeChangeView(@Schema(description = "Points better (negative: worse)") BigDecimal points,
			@Schema(description = "Percent of the baseline better; null with a baseline of 0") BigDecimal percent) {
	}

	record OutcomeSeriesView(Instrument instrument, String label, int scaleMax, @Schema(
			description = "The minimal important change in points; null for STarT Back (risk group)") BigDecimal importantChange,
			BigDecimal importantPercent, String source, OutcomePointView baseline, OutcomePointView latest,
			OutcomeChangeView change,
			@Schema(description = "Baseline less the minimal important change") BigDecimal threshold, Verdict verdict,
			String summary, List<OutcomePointView> points) {
	}

	record OutcomeBaselineView(UUID measurementId, OffsetDateTime at, Measurement.Source source, String chosenBy,
			String reason) {
	}

	record OutcomeSessionView(UUID appointmentId, OffsetDateTime start, String status) {
	}

	record OutcomesView(UUID clientId, OutcomeBaselineView baseline, List<OutcomeSeriesView> measures,
			List<OutcomeSessionView> sessions, List<OffsetDateTime> planChanges,
			@Schema(description = "Why a follow-up is due; null when none is") String followUpDue) {
	}

	private OutcomesView view(Progress progress) {
		Clinic clinic = this.clinics.get(progress.client().clinicId());
		Progress.Baseline b = progress.baseline();
		return new OutcomesView(progress.client().id().value(), (b == null) ? null : new OutcomeBaselineView(b
			.measurementId(), clinic.localTime(b.at()), b.source(), b.chosenBy(), b.reason()), progress.series()
				.stream()
				.map(s -> new OutcomeSeriesView(s.instrument(), s.instrument().label(), s.instrument().max(),
						s.instrument().importantPoints(),
						(s.instrument().importantPoints() == null) ? null : ImportantChange.IMPORTANT_PERCENT,
						(s.instrument().importantPoints() == null) ? ImportantChange.STARTBACK_RULE
								: ImportantChange.SOURCE,
						point(clinic, s.baseline()), point(clinic, s.latest()),
						(s.change() == null) ? null : new OutcomeChangeView(s.change().points(), s.change().percent()),
						s.threshold(), s.verdict(), s.summary(),
						s.points().stream().map(p -> point(clinic, p)).toList()))
				.toList(),
				progress.sessions()
					.stream()
					.map(a -> new OutcomeSessionView(a.id().value(), clinic.localTime(a.start()), a.status().name()))
					.toList(),
				progress.planChanges().stream().map(clinic::localTime).toList(), progress.followUpDue());
	}

	private static OutcomePointView point(Clinic clinic, Measurement m) {
		return (m == null) ? null
				: new OutcomePointView(m.id(), clinic.localTime(m.at()), m.value(), m.category(), m.source());
	}

	private ProgressSummaryView view(ProgressSummary s) {
		return new ProgressSummaryView(s.id(), s.clientId().value(), s.from(), s.to(), s.body(), s.signedAt(),
				s.signerName(), s.signerLicence());
	}

}
