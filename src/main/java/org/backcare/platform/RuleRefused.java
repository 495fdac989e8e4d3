package org.backcare.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A business rule refused the request; {@code rule} names which one, in the problem
 * document, so that clients can act on it without parsing the text. Each module names its
 * own kind ({@code booking-refused}, {@code intake-refused}, {@code review-refused}).
 */
public abstract class RuleRefused extends ProblemException {

	private final String rule;

	protected RuleRefused(HttpStatus status, String slug, String title, String rule, String detail) {
		super(status, slug, title, detail);
		this.rule = rule;
	}

	public String rule() {
		return this.rule;
	}

	@Override
	protected Map<String, Object> properties() {
		return Map.of("rule", this.rule);
	}

}
