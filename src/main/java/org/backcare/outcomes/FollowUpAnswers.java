package org.backcare.outcomes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.backcare.assessment.Oswestry;
import org.backcare.assessment.StartBack;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A follow-up's answers: pain now (NPRS 0–10), the nine STarT Back items and the ten
 * Oswestry sections, worded and scored exactly as in the intake.
 */
public record FollowUpAnswers(
		@NotNull @Min(0) @Max(10) @Schema(description = "Pain now, 0 (none) to 10 (worst imaginable)") Integer painNow,
		@NotNull @Valid StartBack.Answers startBack, @NotNull @Valid Oswestry.Answers oswestry) {

	/** The version of the pain question (the intake's pain now). */
	public static final String PAIN_VERSION = "NPRS 0-10, now";

}
