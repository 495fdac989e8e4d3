package org.backcare.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its files. A blank data directory means a throw-away
 * database in a temporary folder, which is what the tests use.
 *
 * @param dataDirectory folder of the PostgreSQL cluster; kept between runs
 * @param port TCP port on localhost; 0 picks a free one at every start
 * @param synchronousCommit whether a commit waits for its WAL to be flushed; on by default, so
 * that an acknowledged booking survives a crash (tests that do not test durability turn it off)
 */
@ConfigurationProperties("backcare.embedded-database")
public record EmbeddedDatabaseProperties(String dataDirectory, int port,
		@org.springframework.boot.context.properties.bind.DefaultValue("true") boolean synchronousCommit) {

	public EmbeddedDatabaseProperties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("backcare.embedded-database.port must be between 0 and 65535, was " + port);
		}
	}

	boolean persistent() {
		return this.dataDirectory != null && !this.dataDirectory.isBlank();
	}

}
