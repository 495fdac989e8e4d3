package org.backcare.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.backcare.OwnPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged BackCare jar as a process of its own against a PostgreSQL of the test's:
 * one node as it runs in production, which a test can kill with SIGKILL. Its output goes
 * to {@code target/node-<name>.log}.
 */
final class BackCareProcess implements AutoCloseable {

	static final String SECRET = Base64.getEncoder().encodeToString("crash-test-token-secret-of-32-bytes!".getBytes());

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String name;

	final int port;

	private final Process process;

	private BackCareProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts a node on {@code port} against the PostgreSQL on {@code postgresPort} and
	 * waits until it is ready; {@code settings} are more {@code --name=value} arguments.
	 */
	static BackCareProcess start(String name, int port, int postgresPort, String... settings) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx512m", "-jar", System.getProperty("backcare.jar"), "--server.port=" + port,
						"--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
						"--spring.datasource.username=postgres", "--spring.datasource.password=",
						"--backcare.security.token-secret=" + SECRET,
						"--backcare.security.max-failures-per-address=100000", "--spring.main.banner-mode=off"));
		command.addAll(List.of(settings));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", "node-" + name + ".log").toFile())
			.start();
		BackCareProcess node = new BackCareProcess(name, port, process);
		node.awaitReady();
		return node;
	}

	void awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (get("/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("BackCare did not become ready; see target/node-" + this.name + ".log");
	}

	/** SIGKILL: no shutdown hook, no chance to finish anything. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	String adminToken() throws Exception {
		HttpResponse<String> response = post(null, "/api/v1/auth/token",
				"{\"email\": \"admin@riverside.example\", \"password\": \"riverside-admin-demo\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return field(response.body(), "accessToken");
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(null, path);
	}

	HttpResponse<String> get(String bearer, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String bearer, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!value.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return value.group(1);
	}

	/** An embedded PostgreSQL keeping its data in the given folder. */
	static EmbeddedPostgres.Builder postgres(Path data) {
		return OwnPostgres.builder().setDataDirectory(data);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Free 60-minute slots of every therapist of the demo clinic, {@code days} from
	 * {@code from}: [therapistId, start].
	 */
	List<String[]> freeSlots(JdbcClient jdbc, LocalDate from, int days) throws IOException, InterruptedException {
		List<String> therapists = jdbc.sql("SELECT id::text FROM therapist").query(String.class).list();
		List<String[]> slots = new ArrayList<>();
		for (String therapist : therapists) {
			HttpResponse<String> response = get("/api/v1/therapists/" + therapist
					+ "/availability?service=TREATMENT_60&from=" + from + "&to=" + from.plusDays(days - 1));
			Matcher start = Pattern.compile("\"start\":\"([^\"]+)\"").matcher(response.body());
			while (start.find()) {
				slots.add(new String[] { therapist, OffsetDateTime.parse(start.group(1)).toString() });
			}
		}
		return slots;
	}

	/**
	 * A new client of the demo clinic, written straight to the database; its address is
	 * {@code <id>@example.org}. These clients have no intake, so the clinic's "intake
	 * before treatment" rule is turned off for them.
	 */
	static String newClient(JdbcClient jdbc) {
		if (jdbc.sql("UPDATE clinic SET intake_before_treatment = false WHERE intake_before_treatment").update() > 0) {
			// Every node keeps the clinic's policies in memory and forgets them as the
			// database announces the change: milliseconds; this waits far longer.
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO client (clinic_id, id, name, email, date_of_birth)
				SELECT id, ?::uuid, 'Test client', ? || '@example.org', DATE '1980-01-01' FROM clinic LIMIT 1""")
			.params(id, id)
			.update();
		return id;
	}

}
