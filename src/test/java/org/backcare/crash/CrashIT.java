package org.backcare.crash;

import java.io.IOException;
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

	static final int CLIENTS = 16;

	@TempDir
	Path work;

	EmbeddedPostgres postgres;

	int postgresPort;

	BackCareProcess app;

	int appPort;

	final HttpClient http = BackCareProcess.HTTP;

	/**
	 * Outcome of every booking request: the appointment id for a 201, "refused" for a
	 * 4xx.
	 */
	final Map<String, String> outcomes = new ConcurrentHashMap<>();

	@AfterEach
	void stopEverything() throws IOException {
		if (this.app != null) {
			try {
				this.app.kill();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void noAcknowledgedBookingIsLostAndNoRefusedOneAppearsWhenEitherProcessCrashes() throws Exception {
		this.postgresPort = BackCareProcess.freePort();
		this.postgres = startPostgres();
		this.appPort = BackCareProcess.freePort();
		this.app = BackCareProcess.start("crash-first", this.appPort, this.postgresPort);
		String token = this.app.adminToken();
		List<String[]> slots = this.app.freeSlots(JdbcClient.create(this.postgres.getPostgresDatabase()),
				LocalDate.now().plusDays(2), 14);
		assertThat(slots).as("bookable slots in the demo clinic").hasSizeGreaterThan(50);

		// 1. SIGKILL the application while clients book.
		Counts appCrash = load(token, slots, () -> {
			try {
				this.app.kill();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.app = BackCareProcess.start("crash-second", this.appPort, this.postgresPort);
		verify("after killing BackCare", appCrash);

		// 2. Immediate shutdown of PostgreSQL while clients book, then crash recovery.
		String token2 = this.app.adminToken();
		this.outcomes.clear();
		Counts databaseCrash = load(token2, slots, this::crashPostgres);
		this.postgres = restartPostgres();
		this.app.awaitReady();
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
							this.outcomes.put(key, BackCareProcess.field(response.body(), "id"));
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
		return BackCareProcess.postgres(this.work.resolve("pgdata"))
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

	/** A fresh client for every request, so each request is identified by its client. */
	private String newClient() {
		return BackCareProcess.newClient(JdbcClient.create(this.postgres.getPostgresDatabase()));
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
