package org.backcare.plan;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.PainRegion;
import org.backcare.booking.AppointmentId;
import org.backcare.notes.TreatmentPressure;
import org.backcare.therapist.Technique;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The next session's proposal and the therapist's decision on it, through the API. */
@RestController
@Validated
@Tag(name = "Next session's plan")
@SecurityRequirement(name = "bearer")
class PlanController {

	private final NextSessionPlans plans;

	PlanController(NextSessionPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/api/v1/appointments/{id}/proposal")
	@ApiResponse(responseCode = "200", description = "The proposal (null before any signed note) and the decision")
	@ApiResponse(responseCode = "403", description = "The client: the proposal is their therapist's to discuss")
	@ApiResponse(responseCode = "404", description = "No such session (for the caller)")
	@Operation(summary = "The proposal for a session",
			description = "From the client's latest signed note before it, their feedback and intakes, by the rules "
					+ "listed with their sources in GET /api/v1/plan/rules. For the care team; audited.")
	PlannedView proposal(@PathVariable UUID id) {
		return view(this.plans.forSession(CurrentUser.required(), new AppointmentId(id)));
	}

	@PostMapping("/api/v1/appointments/{id}/proposal/decisions")
	@ApiResponse(responseCode = "201", description = "Recorded; the latest decision is in force")
	@ApiResponse(responseCode = "400",
			description = "No reason, no own plan for EDITED (or one for the others), too long, or no proposal yet")
	@ApiResponse(responseCode = "403", description = "Not the session's therapist")
	@ApiResponse(responseCode = "404", description = "No such session (for the caller)")
	@Operation(summary = "Accept, edit or reject the proposal, with the reason")
	ResponseEntity<DecisionView> decide(@PathVariable UUID id, @Valid @RequestBody DecisionBody body) {
		PlanDecision decision = this.plans.decide(CurrentUser.required(), new AppointmentId(id), body.decision(),
				body.reason(), body.plan());
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + id + "/proposal"))
			.body(DecisionView.of(decision));
	}

	@GetMapping("/api/v1/plan/rules")
	@ApiResponse(responseCode = "200", description = "Every rule with its source, and the rules' version")
	@Operation(summary = "The rules that make proposals")
	RulesView rules() {
		return new RulesView(NextSessionRules.VERSION, NextSessionRules.ALL);
	}

	private static PlannedView view(NextSessionPlans.Planned planned) {
		Proposal proposal = planned.proposal();
		return new PlannedView(planned.session().id().value(), planned.lastPlan(),
				(proposal == null) ? null
						: new ProposalView(proposal.areas()
							.stream()
							.map(area -> new AreaView(area.region(), area.technique(), area.pressure(), area.why()))
							.toList(), proposal.suggestions(), proposal.fired(), proposal.rulesVersion()),
				(planned.decision() != null) ? DecisionView.of(planned.decision()) : null);
	}

	record DecisionBody(@NotNull PlanDecision.Kind decision,
			@NotBlank @Size(max = NextSessionPlans.MAX_REASON) String reason,
			@Size(max = NextSessionPlans.MAX_PLAN) String plan) {
	}

	record PlannedView(UUID appointmentId, String lastPlan, ProposalView proposal, DecisionView decision) {
	}

	record ProposalView(List<AreaView> areas, List<Proposal.Suggestion> suggestions, List<NextSessionRules.Rule> fired,
			String rulesVersion) {
	}

	record AreaView(PainRegion region, Technique technique, TreatmentPressure pressure, List<String> why) {
	}

	record DecisionView(UUID id, PlanDecision.Kind decision, String reason, String plan, String proposal,
			String rulesVersion, Instant decidedAt) {

		static DecisionView of(PlanDecision decision) {
			return new DecisionView(decision.id(), decision.decision(), decision.reason(), decision.plan(),
					decision.proposal(), decision.rulesVersion(), decision.decidedAt());
		}

	}

	record RulesView(String version, List<NextSessionRules.Rule> rules) {
	}

}
