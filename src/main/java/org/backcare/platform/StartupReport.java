package org.backcare.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One log line, in key=value form, that answers the first two questions of anyone
 * starting BackCare: which database holds the data, and where the app listens.
 * Credentials never appear.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final DataSource dataSource;

	private final ObjectProvider<EmbeddedDatabaseProperties> embedded;

	private final Environment environment;

	StartupReport(DataSource dataSource, ObjectProvider<EmbeddedDatabaseProperties> embedded, Environment environment) {
		this.dataSource = dataSource;
		this.embedded = embedded;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		String port = this.environment.getProperty("local.server.port", "none");
		EmbeddedDatabaseProperties properties = this.embedded.getIfAvailable();
		String database = (properties == null) ? "external" : "embedded";
		String where = (properties == null) ? "" : " dataDirectory=" + dataDirectory(properties);
		log.info("BackCare ready: url=http://localhost:{} database={} postgres={} jdbcUrl={}{}", port, database,
				describe(metadata -> metadata.getDatabaseProductVersion()),
				describe(metadata -> metadata.getURL().replaceFirst("\\?.*$", "")), where);
	}

	private static String dataDirectory(EmbeddedDatabaseProperties properties) {
		return properties.persistent() ? Path.of(properties.dataDirectory()).toAbsolutePath().normalize().toString()
				: "temporary";
	}

	private String describe(MetadataRead read) {
		try (Connection connection = this.dataSource.getConnection()) {
			return read.from(connection.getMetaData());
		}
		catch (SQLException ex) {
			return "unreachable(" + ex.getSQLState() + ")";
		}
	}

	private interface MetadataRead {

		String from(DatabaseMetaData metadata) throws SQLException;

	}

}
