package org.backcare.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import com.sun.security.auth.module.UnixSystem;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
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

	/**
	 * Usually started already, while Spring read the configuration ({@link EarlyStart}).
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, Environment environment)
			throws IOException {
		return EarlyStart.take(environment, properties);
	}

	static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) throws IOException {
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
			return matches(context.getEnvironment());
		}

		static boolean matches(Environment environment) {
			String url = environment.getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

	/**
	 * Starts the embedded PostgreSQL on a thread of its own as soon as the settings are
	 * known, so that it starts while Spring reads the application's configuration rather
	 * than after: about half a second less on the start path (bench/RESULTS.md, run 16).
	 * The bean takes the started database if it was started with the settings the bean
	 * has (else it closes it and starts afresh); one nobody took is closed once the
	 * application has started or failed, so no PostgreSQL outlives its application.
	 */
	static final class EarlyStart implements GenericApplicationListener {

		private static final Map<Environment, Started> started = Collections.synchronizedMap(new IdentityHashMap<>());

		private record Started(EmbeddedDatabaseProperties properties, CompletableFuture<EmbeddedPostgres> postgres) {

			void close() {
				this.postgres.thenAccept(EarlyStart::close);
			}

		}

		@Override
		public boolean supportsEventType(ResolvableType eventType) {
			Class<?> type = eventType.toClass();
			return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
					|| ApplicationStartedEvent.class.isAssignableFrom(type)
					|| ApplicationFailedEvent.class.isAssignableFrom(type);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
				begin(prepared.getEnvironment());
			}
			else if (event instanceof ApplicationStartedEvent done) {
				leftOver(done.getApplicationContext().getEnvironment());
			}
			else if (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() != null) {
				leftOver(failed.getApplicationContext().getEnvironment());
			}
		}

		private static void begin(ConfigurableEnvironment environment) {
			if (!NoExternalDatabase.matches(environment)) {
				return;
			}
			EmbeddedDatabaseProperties properties;
			try {
				properties = Binder.get(environment)
					.bindOrCreate("backcare.embedded-database", EmbeddedDatabaseProperties.class);
			}
			catch (RuntimeException unusable) {
				return; // the bean binds them again and says what is wrong
			}
			CompletableFuture<EmbeddedPostgres> postgres = new CompletableFuture<>();
			Thread starting = new Thread(() -> {
				try {
					postgres.complete(start(properties));
				}
				catch (Throwable ex) {
					postgres.completeExceptionally(ex);
				}
			}, "embedded-postgres-start");
			starting.setDaemon(true);
			starting.start();
			started.put(environment, new Started(properties, postgres));
		}

		static EmbeddedPostgres take(Environment environment, EmbeddedDatabaseProperties properties)
				throws IOException {
			Started early = started.remove(environment);
			if (early == null) {
				return start(properties);
			}
			if (!early.properties().equals(properties)) {
				early.close();
				return start(properties);
			}
			try {
				return early.postgres().join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof IOException io) {
					throw io;
				}
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

		private static void leftOver(Environment environment) {
			Started early = started.remove(environment);
			if (early != null) {
				early.close();
			}
		}

		private static void close(EmbeddedPostgres postgres) {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
