package org.backcare.assessment;

import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything the client tells us before a first visit, as submitted (web form or API).
 * Stored verbatim with the assessment made from it, so the assessment can always be
 * traced back to the answers and the instrument versions.
 */
public record IntakeAnswers(@NotNull @Valid PainMap painMap, @NotNull @Valid PainRatings pain,
		@NotNull PainDuration duration, @NotNull @Size(max = 8) Set<@NotNull Cause> causes, @NotNull @Valid Goals goals,
		@NotNull @Valid StartBack.Answers startBack, @NotNull @Valid Oswestry.Answers oswestry,
		@NotNull @Valid RedFlagAnswers redFlags, @NotNull @Valid ContraindicationAnswers contraindications,
		@Valid Body body) {

	/** Where it hurts, 1–10 per region marked; regions left out do not hurt. */
	public record PainMap(@NotNull @NotEmpty(message = "mark at least one region where it hurts") @Schema(
			description = "How much each painful region hurts, 1 to 10, by region name (the names are listed by "
					+ "GET /api/v1/intake/questionnaire, e.g. LOWER_BACK_LEFT)",
			example = "{\"LOWER_BACK_LEFT\": 6, \"LOWER_BACK_RIGHT\": 4}") Map<@NotNull PainRegion, @NotNull @Min(1) @Max(10) Integer> regions,
			@NotNull Boolean radiatingLegPain, @NotNull Boolean numbnessOrTingling) {
	}

	/**
	 * The numeric pain rating scale (NPRS, 0 = no pain, 10 = worst imaginable) now, on
	 * average and at worst over the last week. Source: Childs JD, Piva SR, Fritz JM.
	 * Responsiveness of the numeric pain rating scale in patients with low back pain.
	 * Spine 2005;30(11):1331–1334. The NPRS is in the public domain.
	 */
	public record PainRatings(@NotNull @Min(0) @Max(10) Integer now, @NotNull @Min(0) @Max(10) Integer average,
			@NotNull @Min(0) @Max(10) Integer worst) {

		public static final String VERSION = "NPRS 0-10, last 7 days";

		@AssertTrue(message = "the worst pain of the week cannot be lower than the pain now or on average")
		boolean isWorstAtLeastNowAndAverage() {
			return this.now == null || this.average == null || this.worst == null
					|| (this.worst >= this.now && this.worst >= this.average);
		}

	}

	public record Goals(@NotBlank @Size(max = 1000) String wantToDoAgain, @NotNull Pressure pressure,
			@NotNull GenderPreference therapistGender, @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?",
					message = "must be a language code such as en or de") @Schema(example = "de") String language) {
	}

	/** Height and weight, both or neither; used only for the body mass index. */
	public record Body(@NotNull @Min(100) @Max(250) Integer heightCm,
			@NotNull @DecimalMin("25.0") @DecimalMax("350.0") Double weightKg) {

		/** Weight in kg divided by the square of height in metres. */
		public double massIndex() {
			double metres = this.heightCm / 100.0;
			return this.weightKg / (metres * metres);
		}

	}

	/** The red-flag questions (see {@link RedFlagScreen} for their sources). */
	public record RedFlagAnswers(@NotNull Boolean saddleNumbness, @NotNull Boolean bladderOrBowelDysfunction,
			@NotNull Boolean legWeaknessOrGaitChange, @NotNull Boolean historyOfCancer,
			@NotNull Boolean unexplainedWeightLoss, @NotNull Boolean feverOrChills, @NotNull Boolean immunosuppression,
			@NotNull Boolean intravenousDrugUse, @NotNull Boolean majorTrauma, @NotNull Boolean minorTrauma,
			@NotNull Boolean longTermSteroids, @NotNull Boolean constantNightPain, @NotNull Boolean firstEpisode) {
	}

	/** The contraindication questions (see {@link ContraindicationScreen}). */
	public record ContraindicationAnswers(@NotNull Boolean suspectedDvt, @NotNull Boolean recentFracture,
			@NotNull Boolean osteoporosis, @NotNull Boolean skinProblemInArea,
			@NotNull Boolean anticoagulantsOrBleedingDisorder, @NotNull Boolean pregnancy,
			@NotNull Boolean activeCancerTreatment) {
	}

}
