package org.backcare.assessment;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The Keele STarT Back Screening Tool: nine items that sort people with back pain into
 * low, medium or high risk of a poor outcome, so that care can be matched to risk.
 *
 * <p>
 * Source: Hill JC, Dunn KM, Lewis M, et al. A primary care back pain screening tool:
 * identifying patient subgroups for initial treatment. Arthritis Rheum
 * 2008;59(5):632–641. Scoring as published by Keele University (keele.ac.uk/startback):
 * items 1–8 score 1 for "agree", item 9 scores 1 only for "very much" or "extremely"; the
 * total is 0–9 and the psychosocial subscale is items 5–9 (0–5). Low risk: total ≤ 3.
 * Medium: total ≥ 4 and subscale ≤ 3. High: subscale ≥ 4.
 *
 * <p>
 * Copyright and licence: the STarT Back Tool is © Keele University 2007 (funded by
 * Arthritis Research UK). Keele makes it free to use for clinical care and research
 * without modification of the wording; use within commercial products requires a licence
 * from Keele University. BackCare reproduces the items verbatim for that reason and
 * records the version with every answer.
 */
public final class StartBack {

	public static final String VERSION = "STarT Back 9-item, Keele University 2007";

	public static final List<String> ITEMS = List.of(
			"My back pain has spread down my leg(s) at some time in the last 2 weeks",
			"I have had pain in the shoulder or neck at some time in the last 2 weeks",
			"I have only walked short distances because of my back pain",
			"In the last 2 weeks, I have dressed more slowly than usual because of back pain",
			"It's not really safe for a person with a condition like mine to be physically active",
			"Worrying thoughts have been going through my mind a lot of the time",
			"I feel that my back pain is terrible and it's never going to get any better",
			"In general I have not enjoyed all the things I used to enjoy");

	public static final String BOTHERSOMENESS_ITEM = "Overall, how bothersome has your back pain been in the last 2 weeks?";

	/** Low risk ends at this total (Hill et al. 2008). */
	public static final int LOW_RISK_MAX_TOTAL = 3;

	/** A psychosocial subscale above this is high risk (Hill et al. 2008). */
	public static final int HIGH_RISK_MIN_SUBSCALE = 4;

	private StartBack() {
	}

	/** Answers to items 1–8 (agree = true) and item 9. */
	@Schema(name = "StartBackAnswers")
	public record Answers(
			@NotNull @Size(min = 8, max = 8,
					message = "must hold exactly 8 answers, items 1 to 8") List<@NotNull Boolean> agree,
			@NotNull Bothersomeness bothersomeness) {
	}

	/** Item 9's five answers; only the two highest score a point. */
	public enum Bothersomeness {

		NOT_AT_ALL("Not at all"), SLIGHTLY("Slightly"), MODERATELY("Moderately"), VERY_MUCH("Very much"),
		EXTREMELY("Extremely");

		private final String label;

		Bothersomeness(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		int points() {
			return (this == VERY_MUCH || this == EXTREMELY) ? 1 : 0;
		}

	}

	public enum Risk {

		LOW("Good chances: back pain like yours usually settles with some care and staying active."),
		MEDIUM("Some things may slow your recovery; a little more support usually helps."),
		HIGH("Your recovery may take longer, so we suggest more support alongside massage.");

		private final String forClient;

		Risk(String forClient) {
			this.forClient = forClient;
		}

		/**
		 * What the risk group means, in plain words for the client (no score, no group
		 * name).
		 */
		public String forClient() {
			return this.forClient;
		}

	}

	@Schema(name = "StartBackScore")
	public record Score(int total, int psychosocial, Risk risk, String version) {
	}

	public static Score score(Answers answers) {
		int total = answers.bothersomeness().points();
		int psychosocial = answers.bothersomeness().points();
		for (int item = 1; item <= 8; item++) {
			if (answers.agree().get(item - 1)) {
				total++;
				if (item >= 5) {
					psychosocial++;
				}
			}
		}
		return new Score(total, psychosocial, risk(total, psychosocial), VERSION);
	}

	public static Risk risk(int total, int psychosocial) {
		if (total <= LOW_RISK_MAX_TOTAL) {
			return Risk.LOW;
		}
		return (psychosocial >= HIGH_RISK_MIN_SUBSCALE) ? Risk.HIGH : Risk.MEDIUM;
	}

}
