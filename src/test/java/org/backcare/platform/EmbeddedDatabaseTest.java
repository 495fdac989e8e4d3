package org.backcare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default run keeps its data in a folder: what one run wrote, the next run reads. */
class EmbeddedDatabaseTest {

	@TempDir
	Path data;

	@Test
	void startingAsRootExplainsWhatToDoInsteadOfAStackTrace() {
		FailureAnalysis analysis = new SuperUserRefused.Analyzer()
			.analyze(new RuntimeException(new SuperUserRefused()));

		assertThat(analysis.getDescription())
			.isEqualTo("PostgreSQL refuses to run as root, so the embedded database cannot start.");
		assertThat(analysis.getAction()).contains("regular (non-root) user", "SPRING_DATASOURCE_URL");
	}

	@Test
	void eachOperatingSystemUserUnpacksTheBinariesIntoAFolderOfTheirOwn() {
		String user = System.getProperty("user.name");
		try {
			System.setProperty("user.name", "alice");
			Path alice = new EmbeddedDatabaseProperties("", 0, true, null).binaries();
			System.setProperty("user.name", "bob");
			Path bob = new EmbeddedDatabaseProperties("", 0, true, null).binaries();
			assertThat(alice).isNotEqualTo(bob);
			assertThat(alice).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "backcare-alice", "postgres"));
		}
		finally {
			System.setProperty("user.name", user);
		}
		assertThat(new EmbeddedDatabaseProperties("", 0, true, "/opt/pg").binaries()).isEqualTo(Path.of("/opt/pg"));
	}

	@Test
	void theUsersOwnFolderIsClosedToOtherUsers() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration
			.start(new EmbeddedDatabaseProperties("", 0, false, null))) {
			Path own = new EmbeddedDatabaseProperties("", 0, false, null).binaries().getParent();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rwx------");
		}
	}

	@Test
	void aBinariesFolderThisUserCannotWriteToIsOneClearMessage() throws Exception {
		Path theirs = Files.createDirectory(this.data.resolve("someone-elses"));
		Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("r-xr-xr-x"));
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties("", 0, true, theirs.toString());

		try {
			assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.start(properties))
				.isInstanceOf(EmbeddedDatabaseUnavailable.class)
				.hasMessage("The embedded PostgreSQL cannot be unpacked into " + theirs
						+ ": the folder is not writable by this user.");
			FailureAnalysis analysis = new EmbeddedDatabaseUnavailable.Analyzer()
				.analyze(new RuntimeException(new EmbeddedDatabaseUnavailable(theirs, new IOException("denied"))));
			assertThat(analysis.getAction()).contains("BACKCARE_EMBEDDED_DATABASE_BINARIES_DIRECTORY",
					"SPRING_DATASOURCE_URL");
		}
		finally {
			Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void dataSurvivesARestartOfTheEmbeddedDatabase() throws Exception {
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(this.data.resolve("postgres").toString(),
				0, true, null);

		try (EmbeddedPostgres first = EmbeddedDatabaseConfiguration.start(properties)) {
			JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
			jdbc.sql("CREATE TABLE kept (note text)").update();
			jdbc.sql("INSERT INTO kept VALUES ('still here')").update();
		}
		assertThat(Files.exists(this.data.resolve("postgres/PG_VERSION"))).isTrue();

		try (EmbeddedPostgres second = EmbeddedDatabaseConfiguration.start(properties)) {
			JdbcClient again = JdbcClient.create(second.getPostgresDatabase());
			assertThat(again.sql("SELECT note FROM kept").query(String.class).single()).isEqualTo("still here");
			assertThat(again.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
		}
	}

}
