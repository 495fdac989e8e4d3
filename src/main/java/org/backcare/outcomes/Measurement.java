package org.backcare.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One score on one measure at one time. {@code id}: the intake or follow-up it was
 * answered in, or the session whose pain it is. {@code category}: the STarT Back risk
 * group or the Oswestry band, where the measure has one.
 */
public record Measurement(UUID id, Instant at, Instrument instrument, BigDecimal value, String category,
		Source source) {

	public enum Source {

		INTAKE("intake"), FOLLOW_UP("follow-up"), NOTE("session note"), FEEDBACK("session feedback");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/** An intake or a follow-up: a set of answers a baseline can be taken from. */
		public boolean questionnaire() {
			return this == INTAKE || this == FOLLOW_UP;
		}

	}

	/** The value as people write it: 42, 42.5, not 42.00. */
	public String shown() {
		return this.value.stripTrailingZeros().toPlainString();
	}

}
