package org.backcare.homecare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * What the client logged for an item on a day (their own day): done, with the pain during
 * it (0–10, optional) and how hard it was; or not done, with why.
 */
public record HomeLogEntry(UUID id, String item, LocalDate day, boolean done, Integer pain, Difficulty difficulty,
		NotDone reason, Instant loggedAt) {

	/** How hard it was, when done. */
	public enum Difficulty {

		EASY, OK, HARD;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
		}

	}

	/** Why not, when not done. */
	public enum NotDone {

		NO_TIME("No time"), IT_HURT("It hurt"), UNCLEAR("Unclear what to do"), NO_EQUIPMENT("No equipment"),
		OTHER("Other");

		private final String label;

		NotDone(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** The client's words for it: "done, pain 3/10, ok" or "not done: it hurt". */
	public String inWords() {
		if (!this.done) {
			return "not done: " + this.reason.label().toLowerCase(Locale.ROOT)
					+ ((this.pain != null) ? ", pain " + this.pain + "/10" : "");
		}
		return "done" + ((this.pain != null) ? ", pain " + this.pain + "/10" : "")
				+ ((this.difficulty != null) ? ", " + this.difficulty.label().toLowerCase(Locale.ROOT) : "");
	}

}
