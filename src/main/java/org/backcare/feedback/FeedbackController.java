package org.backcare.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.PainRegion;
import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinics;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Session feedback through the API: given by the session's client, read by the care team.
 */
@RestController
@Validated
@Tag(name = "Session feedback")
@SecurityRequirement(name = "bearer")
class FeedbackController {

	private final Feedbacks feedbacks;

	private final Clinics clinics;

	private final Clock clock;

	FeedbackController(Feedbacks feedbacks, Clinics clinics, Clock clock) {
		this.feedbacks = feedbacks;
		this.clinics = clinics;
		this.clock = clock;
	}

	@GetMapping("/api/v1/appointments/{id}/feedback")
	@ApiResponse(responseCode = "200", description = "The client's feedback on the session")
	@ApiResponse(responseCode = "404", description = "None given yet, or no such session for the caller")
	@Operation(summary = "A session's feedback", description = "The client and their care team. Audited.")
	FeedbackView ofSession(@PathVariable UUID id) {
		return view(this.feedbacks.ofSession(CurrentUser.required(), new AppointmentId(id))
			.orElseThrow(() -> new RecordNotFound("Feedback on appointment", id)));
	}

	@PutMapping("/api/v1/appointments/{id}/feedback")
	@ApiResponse(responseCode = "200", description = "Given (or changed)")
	@ApiResponse(responseCode = "400",
			description = "An answer out of range, a text too long, the pressure of an "
					+ "area the session's signed note does not name")
	@ApiResponse(responseCode = "403", description = "Staff: feedback is the client's to give")
	@ApiResponse(responseCode = "404", description = "No such session (for the caller)")
	@ApiResponse(responseCode = "409", description = "'feedback-closed': more than 7 days after the session")
	@ApiResponse(responseCode = "422", description = "'session-not-ended', 'session-not-held'")
	@Operation(summary = "Give or change feedback on a session",
			description = "By the session's client, from its end until 7 days after (the clinic's own rule). Every "
					+ "answer may be left out; the pressure per area can be said for the areas the signed note names.")
	FeedbackView give(@PathVariable UUID id, @Valid @RequestBody FeedbackBody body) {
		return view(this.feedbacks.give(CurrentUser.required(), new AppointmentId(id), body.toAnswers()));
	}

	@GetMapping("/api/v1/clients/{id}/feedback")
	@ApiResponse(responseCode = "200", description = "The client's feedback, the latest session first")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "A client's feedback on their sessions")
	List<FeedbackView> ofClient(@PathVariable UUID id) {
		return this.feedbacks.ofClient(CurrentUser.required(), new ClientId(id)).stream().map(this::view).toList();
	}

	private FeedbackView view(SessionFeedback given) {
		var clinic = this.clinics.get(given.clinicId());
		FeedbackAnswers a = given.answers();
		return new FeedbackView(given.id(), given.appointmentId().value(), given.clientId().value(),
				given.therapistId().value(), clinic.localTime(given.sessionStart()), a.overallPressure(),
				a.pressure()
					.entrySet()
					.stream()
					.map(entry -> new AreaPressure(entry.getKey(), entry.getValue()))
					.toList(),
				a.sorenessNextDay(), a.comfort(), a.painNow(), a.helped(), a.avoid(), a.avoidAreas(), given.givenAt(),
				given.updatedAt(), given.openAt(this.clock.instant()));
	}

	record FeedbackBody(PressureVerdict overallPressure, @Size(max = 14) List<@Valid @NotNull AreaPressure> pressure,
			@Min(0) @Max(10) @Schema(description = "Soreness the day after, 0–10") Integer sorenessNextDay,
			@Min(1) @Max(5) @Schema(description = "1 very uncomfortable … 5 very comfortable") Integer comfort,
			@Min(0) @Max(10) @Schema(description = "Pain now, 0–10") Integer painNow,
			@Size(max = FeedbackAnswers.MAX_TEXT) String helped, @Size(max = FeedbackAnswers.MAX_TEXT) String avoid,
			@Size(max = 14) Set<@NotNull PainRegion> avoidAreas) {

		FeedbackAnswers toAnswers() {
			Map<PainRegion, PressureVerdict> byArea = new EnumMap<>(PainRegion.class);
			if (this.pressure != null) {
				for (AreaPressure area : this.pressure) {
					if (byArea.put(area.region(), area.verdict()) != null) {
						throw new InvalidRequest(area.region().label() + " is named twice; name each area once.");
					}
				}
			}
			return new FeedbackAnswers(this.overallPressure, byArea, this.sorenessNextDay, this.comfort, this.painNow,
					this.helped, this.avoid, this.avoidAreas);
		}

	}

	@Schema(description = "How the pressure felt on one area treated")
	record AreaPressure(@NotNull PainRegion region, @NotNull PressureVerdict verdict) {
	}

	record FeedbackView(UUID id, UUID appointmentId, UUID clientId, UUID therapistId, OffsetDateTime sessionStart,
			PressureVerdict overallPressure, List<AreaPressure> pressure, Integer sorenessNextDay, Integer comfort,
			Integer painNow, String helped, String avoid, Set<PainRegion> avoidAreas, Instant givenAt,
			Instant updatedAt, @Schema(description = "Whether the client may still change it") boolean open) {
	}

}
