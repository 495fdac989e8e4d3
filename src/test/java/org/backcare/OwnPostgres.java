package org.backcare;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL for a test that needs a server of its own, its binaries unpacked
 * into this user's folder as BackCare's are (not zonky's shared one, which another user
 * on the host may own and this one then cannot write).
 */
public final class OwnPostgres {

	private OwnPostgres() {
	}

	public static EmbeddedPostgres.Builder builder() {
		String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
		return EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(
					Path.of(System.getProperty("java.io.tmpdir"), "backcare-" + user, "postgres").toFile());
	}

}
