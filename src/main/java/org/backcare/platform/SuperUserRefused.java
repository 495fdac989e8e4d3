package org.backcare.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** PostgreSQL will not run as root, so neither can the embedded database. */
class SuperUserRefused extends IllegalStateException {

	SuperUserRefused() {
		super("PostgreSQL refuses to run as root, so the embedded database cannot start.");
	}

	/**
	 * Turns the refusal into Spring Boot's short "APPLICATION FAILED TO START" report
	 * instead of a stack trace.
	 */
	static class Analyzer extends AbstractFailureAnalyzer<SuperUserRefused> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, SuperUserRefused cause) {
			return new FailureAnalysis(cause.getMessage(),
					"Run BackCare as a regular (non-root) user, or use an external PostgreSQL by setting "
							+ "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
					cause);
		}

	}

}
