package org.backcare.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its files. A blank data directory means a
 * throw-away database in a temporary folder, which is what the tests use.
 *
 * @param dataDirectory folder of the PostgreSQL cluster; kept between runs
 * @param port TCP port on localhost; 0 picks a free one at every start
 * @param synchronousCommit whether a commit waits for its WAL to be flushed; on by
 * default, so that an acknowledged booking survives a crash (tests that do not test
 * durability turn it off)
 * @param binariesDirectory where PostgreSQL's binaries are unpacked; blank = a folder of
 * this operating-system user's own in the temporary folder, so two users on one host
 * never share (and fight over) one
 */
@ConfigurationProperties("backcare.embedded-database")
public record EmbeddedDatabaseProperties(String dataDirectory, int port,
		@DefaultValue("true") boolean synchronousCommit, String binariesDirectory) {

	public EmbeddedDatabaseProperties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(
					"backcare.embedded-database.port must be between 0 and 65535, was " + port);
		}
	}

	boolean persistent() {
		return this.dataDirectory != null && !this.dataDirectory.isBlank();
	}

	/** The folder the binaries are unpacked into: the one set, or this user's own. */
	Path binaries() {
		if (this.binariesDirectory != null && !this.binariesDirectory.isBlank()) {
			return Path.of(this.binariesDirectory).toAbsolutePath().normalize();
		}
		String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
		return Path.of(System.getProperty("java.io.tmpdir"), "backcare-" + user, "postgres");
	}

}
