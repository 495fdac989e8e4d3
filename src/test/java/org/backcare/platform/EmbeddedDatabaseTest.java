package org.backcare.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The default run keeps its data in a folder: what one run wrote, the next run reads. */
class EmbeddedDatabaseTest {

	@TempDir
	Path data;

	@Test
	void startingAsRootExplainsWhatToDoInsteadOfAStackTrace() {
		org.springframework.boot.diagnostics.FailureAnalysis analysis = new SuperUserRefused.Analyzer()
			.analyze(new RuntimeException(new SuperUserRefused()));

		assertThat(analysis.getDescription()).isEqualTo("PostgreSQL refuses to run as root, so the embedded database cannot start.");
		assertThat(analysis.getAction()).contains("regular (non-root) user", "SPRING_DATASOURCE_URL");
	}

	@Test
	void dataSurvivesARestartOfTheEmbeddedDatabase() throws Exception {
		EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(this.data.resolve("postgres").toString(), 0, true);

		try (EmbeddedPostgres first = configuration.embeddedPostgres(properties)) {
			JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
			jdbc.sql("CREATE TABLE kept (note text)").update();
			jdbc.sql("INSERT INTO kept VALUES ('still here')").update();
		}
		assertThat(Files.exists(this.data.resolve("postgres/PG_VERSION"))).isTrue();

		try (EmbeddedPostgres second = configuration.embeddedPostgres(properties)) {
			JdbcClient again = JdbcClient.create(second.getPostgresDatabase());
			assertThat(again.sql("SELECT note FROM kept").query(String.class).single()).isEqualTo("still here");
			assertThat(again.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
		}
	}

}
