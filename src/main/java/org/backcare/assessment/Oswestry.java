package org.backcare.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The Oswestry Disability Index (ODI) version 2.1a: ten sections about everyday life,
 * each answered with one of six statements scored 0 (no limitation) to 5.
 *
 * <p>
 * Source: Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine
 * 2000;25(22):2940–2953. The index is the sum of the answered sections divided by 5 × the
 * number answered, × 100; a section left out (often sex life) is dropped from both sums.
 * Bands as given there: 0–20 minimal disability, 21–40 moderate, 41–60 severe, 61–80
 * crippled, 81–100 bed-bound.
 *
 * <p>
 * Where a score falls between the published integer bands (possible only with a section
 * left out, e.g. 20.45), BackCare places it in the higher band: each band runs above the
 * previous band's upper limit up to and including its own (20.00 is minimal, 20.01
 * moderate). Erring toward the more disabled band never hides a limitation from the
 * therapist.
 *
 * <p>
 * BackCare refuses to score with more than two sections unanswered: with fewer than eight
 * answers the index no longer measures the same thing (Fairbank and Pynsent advise
 * against scoring with much missing data).
 *
 * <p>
 * Copyright and licence: the ODI is © Jeremy Fairbank; its use is licensed through Mapi
 * Research Trust (eprovide.mapi-trust.org). Clinical use by individual practitioners is
 * free of charge on request; commercial use needs a licence. BackCare reproduces the
 * v2.1a English wording unchanged and records the version with every answer.
 */
public final class Oswestry {

	public static final String VERSION = "ODI v2.1a (Fairbank & Pynsent 2000)";

	/** More unanswered sections than this and no index is given. */
	public static final int MAX_UNANSWERED = 2;

	public record Section(String title, List<String> statements) {
	}

	public static final List<Section> SECTIONS = List.of(
			new Section("Pain intensity",
					List.of("I have no pain at the moment", "The pain is very mild at the moment",
							"The pain is moderate at the moment", "The pain is fairly severe at the moment",
							"The pain is very severe at the moment", "The pain is the worst imaginable at the moment")),
			new Section("Personal care (washing, dressing, etc.)",
					List.of("I can look after myself normally without causing extra pain",
							"I can look after myself normally but it causes extra pain",
							"It is painful to look after myself and I am slow and careful",
							"I need some help but manage most of my personal care",
							"I need help every day in most aspects of self-care",
							"I do not get dressed, I wash with difficulty and stay in bed")),
			new Section("Lifting", List.of("I can lift heavy weights without extra pain",
					"I can lift heavy weights but it gives extra pain",
					"Pain prevents me from lifting heavy weights off the floor, but I can manage if they are conveniently placed, e.g. on a table",
					"Pain prevents me from lifting heavy weights, but I can manage light to medium weights if they are conveniently positioned",
					"I can lift very light weights", "I cannot lift or carry anything at all")),
			new Section("Walking",
					List.of("Pain does not prevent me walking any distance",
							"Pain prevents me from walking more than 1 mile",
							"Pain prevents me from walking more than a quarter of a mile",
							"Pain prevents me from walking more than 100 yards",
							"I can only walk using a stick or crutches", "I am in bed most of the time")),
			new Section("Sitting", List.of("I can sit in any chair as long as I like",
					"I can only sit in my favourite chair as long as I like",
					"Pain prevents me sitting more than one hour", "Pain prevents me from sitting more than 30 minutes",
					"Pain prevents me from sitting more than 10 minutes", "Pain prevents me from sitting at all")),
			new Section("Standing",
					List.of("I can stand as long as I want without extra pain",
							"I can stand as long as I want but it gives me extra pain",
							"Pain prevents me from standing for more than 1 hour",
							"Pain prevents me from standing for more than 30 minutes",
							"Pain prevents me from standing for more than 10 minutes",
							"Pain prevents me from standing at all")),
			new Section("Sleeping",
					List.of("My sleep is never disturbed by pain", "My sleep is occasionally disturbed by pain",
							"Because of pain I have less than 6 hours sleep",
							"Because of pain I have less than 4 hours sleep",
							"Because of pain I have less than 2 hours sleep", "Pain prevents me from sleeping at all")),
			new Section("Sex life (if applicable)", List.of("My sex life is normal and causes no extra pain",
					"My sex life is normal but causes some extra pain",
					"My sex life is nearly normal but is very painful", "My sex life is severely restricted by pain",
					"My sex life is nearly absent because of pain", "Pain prevents any sex life at all")),
			new Section("Social life", List.of("My social life is normal and gives me no extra pain",
					"My social life is normal but increases the degree of pain",
					"Pain has no significant effect on my social life apart from limiting my more energetic interests, e.g. sport",
					"Pain has restricted my social life and I do not go out as often",
					"Pain has restricted my social life to my home", "I have no social life because of pain")),
			new Section("Travelling",
					List.of("I can travel anywhere without pain", "I can travel anywhere but it gives me extra pain",
							"Pain is bad but I manage journeys over two hours",
							"Pain restricts me to journeys of less than one hour",
							"Pain restricts me to short necessary journeys under 30 minutes",
							"Pain prevents me from travelling except to receive treatment")));

	private Oswestry() {
	}

	/**
	 * One answer (0–5) per section in the order of {@link #SECTIONS}; null where left
	 * out.
	 */
	@Schema(name = "OswestryAnswers")
	public record Answers(@NotNull @Size(min = 10, max = 10,
			message = "must hold exactly 10 sections (null where not answered)") @ArraySchema(
					schema = @Schema(nullable = true, minimum = "0", maximum = "5"), arraySchema = @Schema(
							description = "Ten answers, 0 to 5, in section order; null for a section left out")) List<@Min(0) @Max(5) Integer> sections) {

		@AssertTrue(message = "answer at least 8 of the 10 sections: with more than " + MAX_UNANSWERED
				+ " left out the index cannot be scored")
		boolean isScorable() {
			return this.sections == null || this.sections.size() != 10
					|| this.sections.stream().filter(Objects::isNull).count() <= MAX_UNANSWERED;
		}

	}

	public enum Band {

		MINIMAL("Minimal disability", "gets in the way of everyday life only a little", 20),
		MODERATE("Moderate disability", "makes some of everyday life harder", 40),
		SEVERE("Severe disability", "makes much of everyday life hard", 60),
		CRIPPLED("Crippled", "makes most of everyday life very hard", 80),
		BED_BOUND("Bed-bound (or exaggerating)", "makes nearly everything very hard", 100);

		private final String label;

		private final String forClient;

		private final BigDecimal upTo;

		Band(String label, String forClient, int upTo) {
			this.label = label;
			this.forClient = forClient;
			this.upTo = BigDecimal.valueOf(upTo);
		}

		/** The published band name (Fairbank & Pynsent 2000), for the clinic's staff. */
		public String label() {
			return this.label;
		}

		/** The same band in plain, kind words for the client ("Your back pain …"). */
		public String forClient() {
			return this.forClient;
		}

		/**
		 * The band whose upper limit the index does not exceed (see the class comment for
		 * fractions).
		 */
		public static Band of(BigDecimal index) {
			if (index.signum() < 0 || index.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw new IllegalArgumentException("An ODI lies between 0 and 100: " + index);
			}
			for (Band band : values()) {
				if (index.compareTo(band.upTo) <= 0) {
					return band;
				}
			}
			throw new AssertionError("unreachable: " + index);
		}

	}

	/** The index, or why there is none. */
	@Schema(name = "OswestryScore")
	public record Score(BigDecimal index, Band band, int answered, String version) {

		public boolean scored() {
			return this.index != null;
		}

	}

	public static Score score(Answers answers) {
		List<Integer> given = answers.sections().stream().filter(Objects::nonNull).toList();
		if (answers.sections().size() - given.size() > MAX_UNANSWERED) {
			return new Score(null, null, given.size(), VERSION);
		}
		int sum = given.stream().mapToInt(Integer::intValue).sum();
		BigDecimal index = BigDecimal.valueOf(sum * 100L)
			.divide(BigDecimal.valueOf(5L * given.size()), 2, RoundingMode.HALF_UP);
		return new Score(index, Band.of(index), given.size(), VERSION);
	}

}
