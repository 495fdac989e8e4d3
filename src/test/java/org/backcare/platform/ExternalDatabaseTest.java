package org.backcare.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.backcare.OwnPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the standard {@code spring.datasource.url} set, BackCare uses that PostgreSQL and
 * starts no embedded one. The "external" server here is a separately started PostgreSQL
 * process.
 */
@SpringBootTest(properties = "backcare.demo.enabled=true")
@ActiveProfiles("test")
class ExternalDatabaseTest {

	static EmbeddedPostgres external;

	@BeforeAll
	static void startExternalServer() throws Exception {
		external = OwnPostgres.builder().start();
		JdbcClient.create(external.getPostgresDatabase()).sql("CREATE DATABASE backcare_external").update();
	}

	@AfterAll
	static void stopExternalServer() throws Exception {
		external.close();
	}

	@DynamicPropertySource
	static void pointAtExternalServer(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> external.getJdbcUrl("postgres", "backcare_external"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@Autowired
	ApplicationContext context;

	@Test
	void migratesAndSeedsTheExternalDatabaseAndStartsNoEmbeddedOne() {
		assertThat(this.context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
		JdbcClient onServer = JdbcClient.create(external.getDatabase("postgres", "backcare_external"));
		assertThat(onServer.sql("SELECT count(*) FROM therapist").query(Long.class).single()).isEqualTo(7);
		assertThat(onServer.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
			.isGreaterThanOrEqualTo(2);
	}

}
