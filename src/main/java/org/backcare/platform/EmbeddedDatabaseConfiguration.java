package org.backcare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL from binaries that arrive as a Maven dependency, so that
 * {@code ./mvnw spring-boot:run} needs nothing installed. It steps aside as soon as the standard
 * {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) names an external database.
 *
 * <p>PostgreSQL itself refuses to run as the super-user; rather than fail deep inside
 * {@code initdb}, start-up stops at once and says what to do instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		refuseSuperUser();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPort(properties.port())
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "200")
			// zonky's default is "off", which acknowledges a commit before its WAL is written: an
			// immediate shutdown could then lose a booking the client was told about.
			.setServerConfig("synchronous_commit", properties.synchronousCommit() ? "on" : "off")
			// "C" exists on every OS (C.UTF-8 does not on macOS or Windows); zonky already sets UTF-8 encoding.
			.setLocaleConfig("locale", "C");
		if (properties.persistent()) {
			Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
			Files.createDirectories(dataDirectory);
			builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
		}
		return builder.start();
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("backcare-embedded");
		return dataSource;
	}

	private static void refuseSuperUser() {
		boolean unix = !System.getProperty("os.name", "").startsWith("Windows");
		if (unix && new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
			throw new SuperUserRefused();
		}
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
