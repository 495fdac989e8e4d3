package org.backcare.platform;

import java.nio.file.Path;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The embedded PostgreSQL's binaries cannot be unpacked where they should go (the folder
 * belongs to another user, or the disk is read-only). One message says where and what to
 * set, instead of a long stack trace from inside the unpacking.
 */
class EmbeddedDatabaseUnavailable extends IllegalStateException {

	private final Path binaries;

	EmbeddedDatabaseUnavailable(Path binaries, Exception cause) {
		super("The embedded PostgreSQL cannot be unpacked into " + binaries + ": " + cause.getMessage() + ".", cause);
		this.binaries = binaries;
	}

	Path binaries() {
		return this.binaries;
	}

	/** Spring Boot's short "APPLICATION FAILED TO START" report. */
	static class Analyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseUnavailable> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseUnavailable cause) {
			return new FailureAnalysis(cause.getMessage(),
					"Set BACKCARE_EMBEDDED_DATABASE_BINARIES_DIRECTORY (backcare.embedded-database.binaries-directory) to a "
							+ "folder this user can write to, or use an external PostgreSQL by setting SPRING_DATASOURCE_URL.",
					cause);
		}

	}

}
