package org.backcare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import com.sun.security.auth.module.UnixSystem;
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
 * {@code ./mvnw spring-boot:run} needs nothing installed. It steps aside as soon as the
 * standard {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) names an
 * external database.
 *
 * <p>
 * PostgreSQL itself refuses to run as the super-user; rather than fail deep inside
 * {@code initdb}, start-up stops at once and says what to do instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		refuseSuperUser();
		Path binaries = properties.binaries();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			// Not zonky's shared ${java.io.tmpdir}/embedded-pg: a second user on the host
			// could not write there.
			.setOverrideWorkingDirectory(binaries.toFile())
			.setPort(properties.port())
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "200")
			// zonky's default is "off", which acknowledges a commit before its WAL is
			// written: an
			// immediate shutdown could then lose a booking the client was told about.
			.setServerConfig("synchronous_commit", properties.synchronousCommit() ? "on" : "off")
			// "C" exists on every OS (C.UTF-8 does not on macOS or Windows); zonky
			// already sets UTF-8 encoding.
			.setLocaleConfig("locale", "C");
		try {
			if (properties.binariesDirectory() == null || properties.binariesDirectory().isBlank()) {
				privateFolder(binaries.getParent());
			}
			Files.createDirectories(binaries);
			if (!Files.isWritable(binaries)) {
				throw new IOException("the folder is not writable by this user");
			}
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseUnavailable(binaries, ex);
		}
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

	/**
	 * The user's own folder in the shared temporary folder, readable by them alone. zonky
	 * makes the folder it unpacks into writable by everyone; inside a private parent,
	 * nobody else can reach it to swap the binaries this user is about to run.
	 */
	private static void privateFolder(Path folder) throws IOException {
		if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createDirectories(folder);
			return;
		}
		Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
		if (!Files.exists(folder)) {
			Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
		}
		Files.setPosixFilePermissions(folder, ownerOnly);
	}

	private static void refuseSuperUser() {
		boolean unix = !System.getProperty("os.name", "").startsWith("Windows");
		if (unix && new UnixSystem().getUid() == 0) {
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
