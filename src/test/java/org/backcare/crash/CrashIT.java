package org.backcare.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost, and nothing refused appears, when BackCare or PostgreSQL
 * dies mid-load. The packaged jar runs as its own process against a PostgreSQL of this
 * test's; clients book concurrently while first the BackCare process is killed with
 * SIGKILL at a random moment, and then PostgreSQL is stopped in immediate mode (SIGQUIT
 * to the postmaster, which is what {@code pg_ctl stop -m immediate} sends) and restarted
 * through crash recovery. After each crash every booking that got a 201 must exist
 * exactly once, and no booking that got a 4xx may exist.
 */
class CrashIT {

	static final String SECRET = Base64.getEncoder().encodeToString("crash-test-token-secret-of-32-bytes!".getBytes());

	static final int CLIENTS = 16;

	@TempDir
	Path work;

	EmbeddedPostgres postgres;

	int postgresPort;

	Process app;

	int appPort;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * Outcome of every booking request: the appointment id for a 201, "refused" for a
	 * 4xx.
	 */
	final Map<String, String> outcomes = new ConcurrentHashMap<>();

	@AfterEach
	void stopEverything() throws IOException {
		if (this.app != null) {
			this.app.destroyForcibly();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void noAcknowledgedBookingIsLostAndNoRefusedOneAppearsWhenEitherProcessCrashes() throws Exception {
		this.postgresPort = freePort();
		this.postgres = startPostgres();
		this.appPort = freePort();
		this.app = startApp("first");
		String token = adminToken();
		List<String[]> slots = slots(token);
		assertThat(slots).as("bookable slots in the demo clinic").hasSizeGreaterThan(50);

		// 1. SIGKILL the application while clients book.
		Counts appCrash = load(token, slots, () -> this.app.destroyForcibly());
		this.app.waitFor(30, TimeUnit.SECONDS);
		this.app = startApp("second");
		verify("after killing BackCare", appCrash);

		// 2. Immediate shutdown of PostgreSQL while clients book, then crash recovery.
		String token2 = adminToken();
		this.outcomes.clear();
		Counts databaseCrash = load(token2, slots, this::crashPostgres);
		this.postgres = restartPostgres();
		awaitReady();
		verify("after crashing PostgreSQL", databaseCrash);
	}

	record Counts(int acknowledged, int refused, int unknown) {
	}

	private Counts load(String token, List<String[]> slots, Runnable crash) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		Map<String, Boolean> unknown = new ConcurrentHashMap<>();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				while (running.get()) {
					String[] slot = slots.get(ThreadLocalRandom.current().nextInt(slots.size()));
					String client = newClient();
					String key = client + "|" + slot[0] + "|" + slot[1];
					try {
						HttpResponse<String> response = this.http.send(HttpRequest
							.newBuilder(URI.create("http://localhost:" + this.appPort + "/api/v1/appointments"))
							.timeout(Duration.ofSeconds(10))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers
								.ofString("{\"clientId\": \"" + client + "\", \"therapistId\": \"" + slot[0]
										+ "\", \"service\": \"TREATMENT_60\", \"start\": \"" + slot[1] + "\"}"))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() == 201) {
							this.outcomes.put(key, field(response.body(), "id"));
						}
						else if (response.statusCode() >= 400 && response.statusCode() < 500) {
							this.outcomes.put(key, "refused");
						}
						else {
							unknown.put(key, true);
						}
					}
					catch (IOException | InterruptedException ex) {
						unknown.put(key, true);
						sleep(50);
					}
				}
				return null;
			});
		}
		// The crash comes while clients book: once answers are coming (a freshly started
		// BackCare may take a while over its first requests on a busy machine), at a
		// random moment after.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (this.outcomes.values().stream().noneMatch(v -> !v.equals("refused")) && System.nanoTime() < deadline) {
			sleep(50);
		}
		sleep(1000 + ThreadLocalRandom.current().nextInt(2000));
		crash.run();
		sleep(700);
		running.set(false);
		clients.shutdown();
		clients.awaitTermination(30, TimeUnit.SECONDS);
		int acknowledged = (int) this.outcomes.values().stream().filter(v -> !v.equals("refused")).count();
		int refused = (int) this.outcomes.values().stream().filter(v -> v.equals("refused")).count();
		return new Counts(acknowledged, refused, unknown.size());
	}

	private void verify(String when, Counts counts) {
		JdbcClient jdbc = JdbcClient.create(this.postgres.getPostgresDatabase());
		List<String> missing = new ArrayList<>();
		List<String> present = new ArrayList<>();
		for (Map.Entry<String, String> outcome : this.outcomes.entrySet()) {
			String[] request = outcome.getKey().split("\\|");
			long rows = jdbc.sql(
					"SELECT count(*) FROM appointment WHERE client_id = ?::uuid AND therapist_id = ?::uuid AND starts_at = ?::timestamptz")
				.params(request[0], request[1], request[2])
				.query(Long.class)
				.single();
			if (outcome.getValue().equals("refused")) {
				if (rows != 0) {
					present.add(outcome.getKey());
				}
			}
			else {
				long byId = jdbc.sql("SELECT count(*) FROM appointment WHERE id = ?::uuid")
					.param(outcome.getValue())
					.query(Long.class)
					.single();
				if (rows != 1 || byId != 1) {
					missing.add(outcome.getKey());
				}
			}
		}
		long overlaps = jdbc.sql("""
				SELECT count(*) FROM appointment a JOIN appointment b
				  ON a.therapist_id = b.therapist_id AND a.id < b.id AND a.status = 'BOOKED' AND b.status = 'BOOKED'
				 AND tstzrange(a.starts_at, a.blocked_until) && tstzrange(b.starts_at, b.blocked_until)""")
			.query(Long.class)
			.single();
		System.out.printf(
				"Crash test %s: %d acknowledged (all present once), %d refused (none present), %d without answer%n",
				when, counts.acknowledged(), counts.refused(), counts.unknown());
		assertThat(counts.acknowledged()).as("bookings acknowledged before the crash " + when).isPositive();
		assertThat(missing).as("acknowledged bookings missing or duplicated " + when).isEmpty();
		assertThat(present).as("refused bookings that exist " + when).isEmpty();
		assertThat(overlaps).as("overlapping active appointments " + when).isZero();
	}

	private EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.work.resolve("pgdata"))
			.setCleanDataDirectory(false)
			.setPort(this.postgresPort)
			.setServerConfig("synchronous_commit", "on")
			.start();
	}

	/**
	 * SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, no checkpoint, recovery
	 * on restart.
	 */
	private void crashPostgres() {
		try {
			String pid = Files.readAllLines(this.work.resolve("pgdata/postmaster.pid")).get(0).strip();
			new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start().waitFor();
			ProcessHandle.of(Long.parseLong(pid)).ifPresent(handle -> handle.onExit().join());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private EmbeddedPostgres restartPostgres() throws IOException {
		try {
			this.postgres.close();
		}
		catch (IOException | RuntimeException alreadyDown) {
			// The server is gone; closing only releases the data directory lock.
		}
		return startPostgres();
	}

	private Process startApp(String name) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process started = new ProcessBuilder(java, "-Xmx512m", "-jar", System.getProperty("backcare.jar"),
				"--server.port=" + this.appPort,
				"--spring.datasource.url=jdbc:postgresql://localhost:" + this.postgresPort + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--backcare.security.token-secret=" + SECRET, "--backcare.security.max-failures-per-address=100000",
				"--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "crash-app-" + name + ".log").toFile())
			.start();
		this.app = started;
		awaitReady();
		return started;
	}

	private void awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> ready = this.http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.appPort + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("BackCare did not become ready; see target/crash-app-*.log");
	}

	private String adminToken() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.appPort + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"email\": \"admin@riverside.example\", \"password\": \"riverside-admin-demo\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return field(response.body(), "accessToken");
	}

	/**
	 * Free 60-minute slots of every demo therapist over the next weeks: [therapistId,
	 * start].
	 */
	private List<String[]> slots(String token) throws Exception {
		JdbcClient jdbc = JdbcClient.create(this.postgres.getPostgresDatabase());
		List<String> therapists = jdbc.sql("SELECT id::text FROM therapist").query(String.class).list();
		List<String[]> slots = new ArrayList<>();
		LocalDate from = LocalDate.now().plusDays(2);
		for (String therapist : therapists) {
			HttpResponse<String> response = this.http.send(
					HttpRequest
						.newBuilder(URI.create("http://localhost:" + this.appPort + "/api/v1/therapists/" + therapist
								+ "/availability?service=TREATMENT_60&from=" + from + "&to=" + from.plusDays(13)))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher start = Pattern.compile("\"start\":\"([^\"]+)\"").matcher(response.body());
			while (start.find()) {
				slots.add(new String[] { therapist, OffsetDateTime.parse(start.group(1)).toString() });
			}
		}
		return slots;
	}

	/**
	 * A fresh client for every request, so each request is identified by its client. The
	 * crash clients have no intake, so the demo clinic's "intake before treatment" rule
	 * is turned off for them.
	 */
	private String newClient() {
		JdbcClient jdbc = JdbcClient.create(this.postgres.getPostgresDatabase());
		jdbc.sql("UPDATE clinic SET intake_before_treatment = false WHERE intake_before_treatment").update();
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO client (clinic_id, id, name, email, date_of_birth)
				SELECT id, ?::uuid, 'Crash client', ? || '@example.org', DATE '1980-01-01' FROM clinic LIMIT 1""")
			.params(id, id)
			.update();
		return id;
	}

	private static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!value.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return value.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
