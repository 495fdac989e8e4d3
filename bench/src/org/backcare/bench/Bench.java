package org.backcare.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * BackCare's benchmark: booking throughput against what PostgreSQL itself commits through the
 * same exclusion constraint, availability latency against the plain query that fetches its data,
 * footprint, and a double-booking audit, all measured in one run on this machine. Figures are
 * printed as a table and as one JSON line each; nothing is hard-coded.
 *
 * <p>Usage (see bench/README.md): {@code bench/run [seconds-per-level]}.
 */
public final class Bench {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	static final String PASSWORD = "bench admin passphrase";

	static final List<Map<String, Object>> FIGURES = new ArrayList<>();

	final int seconds;

	final Path jar;

	EmbeddedPostgres postgres;

	HikariDataSource pool;

	Process app;

	int appPort;

	/**
	 * BackCare's heap: 256 MiB for booking and availability (issue 16's footprint goal); the
	 * progress report's phase, eight PDFs with charts at once, runs with 512.
	 */
	int appHeapMiB = 256;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Bench(int seconds, Path jar) {
		this.seconds = seconds;
		this.jar = jar;
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		Path jar = Path.of(args.length > 1 ? args[1] : "target/backcare-0.1.0-SNAPSHOT.jar");
		Bench bench = new Bench(seconds, jar);
		try {
			bench.run();
		}
		finally {
			bench.stop();
		}
	}

	void run() throws Exception {
		System.out.println("# BackCare benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores, Java " + Runtime.version() + ", " + this.seconds + " s per level");
		if ("startup".equals(System.getenv("BENCH_ONLY"))) {
			startup();
			printTable();
			return;
		}
		// The settings BackCare's own embedded database runs with: every commit flushed.
		// Binaries in this user's own folder, as BackCare's: zonky's shared one may be another user's.
		this.postgres = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(java.nio.file.Path
				.of(System.getProperty("java.io.tmpdir"),
						"backcare-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_"), "postgres")
				.toFile())
			.setServerConfig("max_connections", "300")
			.setServerConfig("synchronous_commit", "on")
			// Counts the statements BackCare sends per calendar view.
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setServerConfig("pg_stat_statements.track_planning", "on")
			// BENCH_PG_SLOW_MS=15: PostgreSQL logs every statement that took longer, in target/bench-postgres-log.
			.setServerConfig("log_min_duration_statement", System.getenv().getOrDefault("BENCH_PG_SLOW_MS", "-1"))
			.setServerConfig("logging_collector", "on")
			.setServerConfig("log_directory", Path.of("target", "bench-postgres-log").toAbsolutePath().toString())
			.start();
		this.pool = pool(this.postgres.getPostgresDatabase(), 64);
		long started = System.nanoTime();
		startApp();
		figure("startup", "time to ready", "ms", (System.nanoTime() - started) / 1e6);
		if ("mail".equals(System.getenv("BENCH_ONLY"))) {
			mail(seed(20, 2_000, true));
			printTable();
			return;
		}
		if ("day".equals(System.getenv("BENCH_ONLY"))) {
			dayView();
			printTable();
			return;
		}
		if ("outcomes".equals(System.getenv("BENCH_ONLY"))) {
			this.appHeapMiB = 512;
			restartApp();
			outcomes();
			printTable();
			return;
		}
		if ("homecare".equals(System.getenv("BENCH_ONLY"))) {
			homeCare();
			printTable();
			return;
		}
		if ("calendar".equals(System.getenv("BENCH_ONLY"))) {
			// Only the calendar and series figures (they are ratios within their own phase).
			calendarAndSeries();
			printTable();
			return;
		}
		if ("pages".equals(System.getenv("BENCH_ONLY"))) {
			// BENCH_LARGE=1: after the 20,000-therapist clinic of the availability phase (400,000 sessions), as
			// the full run has it.
			if (System.getenv("BENCH_LARGE") != null) {
				seed(20_000, appointmentsFor(20_000), false);
			}
			pages();
			printTable();
			return;
		}
		if ("availability".equals(System.getenv("BENCH_ONLY"))) {
			Seeded first = seed(200, 20_000, true);
			requestFloor();
			for (int therapists : CLINIC_SIZES) {
				availability((therapists == 200) ? first : seed(therapists, appointmentsFor(therapists), false), therapists);
			}
			printTable();
			return;
		}
		Seeded clinic = seed(200, 20_000, true);
		String token = token();

		// A discarded warm-up, so that the measured runs see compiled code, not the JIT at work.
		bookings(clinic, token, 8);
		for (int clients : new int[] { 1, 8, 32 }) {
			double baseline = baselineInserts(clinic, clients);
			double[] before = serverTime("/api/v1/appointments");
			double uptimeBefore = uptimeMs();
			BookingRun booking = bookings(clinic, token, clients);
			double[] pauses = gcPauses(uptimeBefore, uptimeMs());
			figure("booking", "server's own mean ms per booking request, " + clients + " clients", "ms",
					meanMs(before, serverTime("/api/v1/appointments")));
			figure("booking", "db baseline inserts/s, " + clients + " clients", "1/s", baseline);
			figure("booking", "bookings/s, " + clients + " clients", "1/s", booking.created / (double) this.seconds);
			figure("booking", "409/s, " + clients + " clients", "1/s", booking.conflicts / (double) this.seconds);
			figure("booking", "other 4xx/s, " + clients + " clients", "1/s", booking.refused / (double) this.seconds);
			figure("booking", "errors (5xx or none), " + clients + " clients", "count", booking.errors);
			figure("booking", "p50 ms, " + clients + " clients", "ms", booking.percentile(50));
			figure("booking", "p95 ms, " + clients + " clients", "ms", booking.percentile(95));
			figure("booking", "p99 ms, " + clients + " clients", "ms", booking.percentile(99));
			figure("booking", "ratio bookings/s ÷ baseline inserts/s, " + clients + " clients", "ratio",
					(booking.created / (double) this.seconds) / baseline);
			if (booking.created == 0) {
				// A run where everything was refused measures refusals, not bookings: say so and stop.
				throw new IllegalStateException("No booking succeeded with " + clients + " clients (" + booking.refused
						+ " refused with a 4xx other than 409): the seeded clinic is not bookable.");
			}
			if (clients == 32) {
				figure("footprint", "peak RSS during 32-client run", "MiB", booking.peakRssMiB);
				figure("footprint", "peak heap used during 32-client run", "MiB", booking.peakHeapMiB);
				figure("footprint", "max heap (-Xmx)", "MiB", this.appHeapMiB);
				figure("footprint", "GC pauses during the 32-client run", "count", pauses[0]);
				figure("footprint", "longest GC pause during the 32-client run", "ms", pauses[1]);
			}
			figure("audit", "overlapping active appointments after " + clients + "-client run", "count", overlaps());
		}
		figure("booking", "SQL statements per booking and its mail (BEGIN included)", "count",
				statementsPerBooking(clinic, token));
		if ("booking".equals(System.getenv("BENCH_ONLY"))) {
			printTable();
			return;
		}

		requestFloor();
		for (int therapists : CLINIC_SIZES) {
			Seeded sized = (therapists == 200) ? clinic : seed(therapists, appointmentsFor(therapists), false);
			availability(sized, therapists);
		}
		calendarAndSeries();
		dayView();
		pages();
		this.appHeapMiB = 512;
		restartApp();
		outcomes();
		homeCare();
		mail(clinic);
		startup();
		printTable();
	}

	// ------------------------------------------------------------------ seeding

	record Seeded(UUID clinic, List<UUID> therapists, List<UUID> clients) {
	}

	/** A clinic of n therapists working 08:00–20:00 every day, with about {@code appointments} booked in 90 days. */
	Seeded seed(int therapists, int appointments, boolean first) throws SQLException {
		try (Connection db = this.pool.getConnection()) {
			UUID clinic;
			if (first) {
				clinic = single(db, "SELECT id FROM clinic ORDER BY created_at LIMIT 1");
			}
			else {
				clinic = UUID.randomUUID();
				exec(db, "INSERT INTO clinic (id, name, address, time_zone) VALUES ('" + clinic + "', 'Bench " + therapists
						+ "', '', 'Europe/Berlin')");
				exec(db, "INSERT INTO service_type (clinic_id, code, name, duration_minutes, buffer_minutes) SELECT '" + clinic
						+ "', code, name, duration_minutes, buffer_minutes FROM service_type WHERE clinic_id = (SELECT id FROM clinic ORDER BY created_at LIMIT 1)");
			}
			String c = "'" + clinic + "'";
			exec(db, "CREATE TEMP TABLE new_therapist AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, " + therapists + ") n");
			exec(db, "INSERT INTO therapist (clinic_id, id, name, years_back_pain) SELECT " + c
					+ ", id, 'Bench therapist ' || n, n % 30 FROM new_therapist");
			// Verified, as the clinic's admins would have them: unverified credentials allow no booking.
			exec(db, "INSERT INTO licence (clinic_id, therapist_id, jurisdiction, number, valid_from, valid_until, verified_by, "
					+ "verified_at) SELECT " + c + ", id, 'Bench', 'B-' || id, current_date - 365, current_date + 365, 'bench', now() "
					+ "FROM new_therapist");
			exec(db, "INSERT INTO certification (clinic_id, therapist_id, technique, verified_by, verified_at) SELECT " + c
					+ ", id, t, 'bench', now() FROM new_therapist, unnest(ARRAY['SWEDISH','DEEP_TISSUE','TRIGGER_POINT','MYOFASCIAL_RELEASE']) t WHERE n % 4 <> 0 OR t = 'SWEDISH'");
			exec(db, "INSERT INTO working_hours (clinic_id, therapist_id, day_of_week, starts, ends) SELECT " + c
					+ ", id, d, '08:00', '20:00' FROM new_therapist, generate_series(1, 7) d");
			exec(db, "CREATE TEMP TABLE new_client AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, "
					+ Math.max(2000, appointments / 10) + ") n");
			// The appointments below pick their client by n: indexed, or seeding 2,000 therapists scans
			// the 20,000 clients 200,000 times.
			exec(db, "CREATE INDEX ON new_client (n)");
			exec(db, "ANALYZE new_client");
			exec(db, "INSERT INTO client (clinic_id, id, name, email, date_of_birth) SELECT " + c
					+ ", id, 'Bench client ' || n, id || '@bench.example', DATE '1980-01-01' FROM new_client");
			// Existing bookings on a two-hour grid, so they never overlap each other: 08, 10, …, 18 h.
			int perTherapistDays = Math.max(1, appointments / therapists);
			exec(db, "INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until) "
					+ "SELECT " + c + ", gen_random_uuid(), t.id, (SELECT id FROM new_client WHERE n = 1 + ((t.n * 7919 + k) % "
					+ Math.max(2000, appointments / 10) + ")), 'TREATMENT_60', s, s + interval '60 minutes', s + interval '75 minutes' "
					+ "FROM new_therapist t, generate_series(0, " + (perTherapistDays - 1) + ") k, "
					+ "LATERAL (SELECT ((current_date + 3 + (k * 90 / " + perTherapistDays + ")) + make_interval(hours => 8 + 2 * ((t.n + k) % 6))) AT TIME ZONE 'Europe/Berlin' AS s) slot "
					+ "ON CONFLICT DO NOTHING");
			List<UUID> ids = list(db, "SELECT id FROM new_therapist ORDER BY n");
			List<UUID> clients = list(db, "SELECT id FROM new_client ORDER BY n");
			exec(db, "DROP TABLE new_therapist");
			exec(db, "DROP TABLE new_client");
			// The bench clients have no intake: the clinic's "intake before treatment" rule (on by
			// default) would refuse their treatments, so the bench clinics turn it off. No minimum
			// notice, so any future quarter hour is bookable, and bookings open a year ahead, so a
			// 12-week series fits; every node is told to read the clinic again.
			exec(db, "UPDATE clinic SET intake_before_treatment = false, minimum_notice_minutes = 0, "
					+ "booking_horizon_days = 365 WHERE id = " + c);
			exec(db, "SELECT pg_notify('clinic_changed', (" + c + ")::text)");
			exec(db, "ANALYZE");
			return new Seeded(clinic, ids, clients);
		}
	}

	// ------------------------------------------------------------------ the therapist's day

	/**
	 * The therapist's day with 5 and with 10 sessions to come, each client with a session three
	 * days ago that has a signed note and their feedback, so every session shows the feedback and
	 * a proposal: server time, and SQL statements per view (5 against 10 says whether they grow
	 * with the sessions).
	 */
	void dayView() throws Exception {
		try (Connection db = this.pool.getConnection()) {
			exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
		Seeded clinic = seed(2, 0, false);
		LocalDate day = LocalDate.now(ZONE).plusDays(2);
		HttpClient five = signedIn(therapistWithDay(clinic, 0, 5, day, "day-5"));
		HttpClient ten = signedIn(therapistWithDay(clinic, 1, 10, day, "day-10"));
		String path = "/day?date=" + day;
		String marker = "Plan for this session";
		double statementsFive = statementsPerView(five, path, marker);
		double statementsTen = statementsPerView(ten, path, marker);
		String before = metrics();
		double[] latencies = pageLatencies(ten, path, marker);
		double[] server = serverPercentiles(before, metrics(), "/day");
		figure("day", "day view, BackCare's own p50 ≤", "ms", server[0]);
		figure("day", "day view, BackCare's own p99 ≤", "ms", server[1]);
		figure("day", "day view, 10 sessions with note, feedback and proposal, p50", "ms", latencies[0]);
		figure("day", "day view, 10 sessions with note, feedback and proposal, p99 (goal ≤ 50)", "ms", latencies[1]);
		figure("day", "SQL statements per day view, 5 sessions", "count", statementsFive);
		figure("day", "SQL statements per day view, 10 sessions (goal: as many as for 5)", "count", statementsTen);
	}

	/**
	 * The clinic's therapist number {@code index} with {@code sessions} sessions on {@code day}, each
	 * client seen three days before (completed, a signed note of two areas, feedback: too firm on
	 * one), and a therapist account for them; returns its e-mail.
	 */
	String therapistWithDay(Seeded clinic, int index, int sessions, LocalDate day, String name) throws SQLException {
		UUID therapist = clinic.therapists().get(index);
		String c = "'" + clinic.clinic() + "'";
		String t = "'" + therapist + "'";
		try (Connection db = this.pool.getConnection()) {
			for (int i = 0; i < sessions; i++) {
				UUID client = clinic.clients().get(index * 100 + i);
				String k = "'" + client + "'";
				String past = "((DATE '" + day.minusDays(5) + "' + time '08:00' + " + i
						+ " * interval '75 minutes') AT TIME ZONE 'Europe/Berlin')";
				String next = "((DATE '" + day + "' + time '08:00' + " + i
						+ " * interval '75 minutes') AT TIME ZONE 'Europe/Berlin')";
				UUID held = UUID.randomUUID();
				UUID note = UUID.randomUUID();
				exec(db, "INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, "
						+ "blocked_until, status, completed_at) VALUES (" + c + ", '" + held + "', " + t + ", " + k
						+ ", 'TREATMENT_60', " + past + ", " + past + " + interval '60 minutes', " + past
						+ " + interval '75 minutes', 'COMPLETED', " + past + " + interval '60 minutes')");
				// Written as a draft with its areas, then signed: a signed note's areas are final.
				exec(db, "INSERT INTO session_note (clinic_id, id, appointment_id, client_id, therapist_id, session_start, "
						+ "subjective, pain_now, objective, assessment, plan, minutes, created_at, updated_at) VALUES (" + c
						+ ", '" + note + "', '" + held + "', " + k + ", " + t + ", " + past
						+ ", 'Stiff lower back', 5, 'Tight left erectors', 'Eased', 'Same areas next week', 50, now(), now())");
				exec(db, "INSERT INTO session_note_area (clinic_id, note_id, region, technique, pressure) VALUES (" + c
						+ ", '" + note + "', 'LOWER_BACK_LEFT', 'SWEDISH', 'FIRM'), (" + c + ", '" + note
						+ "', 'UPPER_BACK', 'SWEDISH', 'MEDIUM')");
				exec(db, "UPDATE session_note SET signed_at = now(), signed_by = gen_random_uuid(), signer_name = 'Bench "
						+ "therapist', signer_licence = 'Bench 1', client_name = 'Bench client', client_born = DATE "
						+ "'1980-01-01', content_hash = md5(random()::text) || md5(random()::text) WHERE id = '" + note + "'");
				UUID feedback = UUID.randomUUID();
				exec(db, "INSERT INTO session_feedback (clinic_id, id, appointment_id, client_id, therapist_id, session_start, "
						+ "session_end, overall_pressure, soreness_next_day, comfort, pain_now, given_at, updated_at) VALUES ("
						+ c + ", '" + feedback + "', '" + held + "', " + k + ", " + t + ", " + past + ", " + past
						+ " + interval '60 minutes', 'RIGHT', 3, 4, 4, now(), now())");
				exec(db, "INSERT INTO session_feedback_pressure (clinic_id, feedback_id, region, verdict) VALUES (" + c
						+ ", '" + feedback + "', 'LOWER_BACK_LEFT', 'TOO_FIRM')");
				exec(db, "INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, "
						+ "blocked_until) VALUES (" + c + ", gen_random_uuid(), " + t + ", " + k + ", 'TREATMENT_60', " + next
						+ ", " + next + " + interval '60 minutes', " + next + " + interval '75 minutes')");
			}
			String email = name + "-therapist@bench.example";
			exec(db, "INSERT INTO account (clinic_id, id, email, password_hash, role, therapist_id, email_confirmed_at) SELECT "
					+ c + ", gen_random_uuid(), '" + email + "', password_hash, 'THERAPIST', " + t
					+ ", now() FROM account WHERE email = 'bench-admin@bench.example'");
			exec(db, "ANALYZE");
			return email;
		}
	}

	// ------------------------------------------------------------------ pages

	/** A page as a role sees it: {@code uri} is the template Micrometer names it by. */
	record View(String role, String path, String uri) {
	}

	/**
	 * Each role's landing page and its heaviest views, with 8 people signed in at once (3 front-desk
	 * staff, 3 therapists, 2 clients, each going round their role's pages as fast as answers come):
	 * BackCare's own time per page from its request-time histogram (p99 is the upper bound of the
	 * bucket holding it), and the time the load driver saw. The clinic has 20 therapists with a
	 * working week of sessions; the therapist's day has 10 sessions, each client seen before with a
	 * signed note and feedback.
	 */
	void pages() throws Exception {
		Seeded clinic = seed(20, 2000, false);
		LocalDate day = LocalDate.now(ZONE).plusDays(2);
		String therapist = therapistWithDay(clinic, 0, 10, day, "pages");
		String desk = frontDesk(clinic, "pages");
		UUID seen = clinic.clients().get(0);
		String client = "pages-client@bench.example";
		try (Connection db = this.pool.getConnection()) {
			exec(db, "INSERT INTO account (clinic_id, id, email, password_hash, role, client_id, email_confirmed_at) SELECT '"
					+ clinic.clinic() + "', gen_random_uuid(), '" + client + "', password_hash, 'CLIENT', '" + seen
					+ "', now() FROM account WHERE email = 'bench-admin@bench.example'");
		}
		Map<String, String> accounts = Map.of("front desk", desk, "therapist", therapist, "client", client);
		List<View> views = List.of(new View("front desk", "/calendar", "/calendar"),
				new View("front desk", "/calendar?date=" + day, "/calendar"),
				new View("front desk", "/calendar?view=week&date=" + day, "/calendar"),
				new View("front desk", "/admin/outcomes", "/admin/outcomes"),
				new View("front desk", "/clients/" + seen + "/chart", "/clients/{id}/chart"),
				new View("therapist", "/day?date=" + day, "/day"),
				new View("therapist", "/clients/" + seen + "/progress", "/clients/{id}/progress"),
				new View("therapist", "/clients/" + seen + "/home-plan", "/clients/{id}/home-plan"),
				new View("client", "/me/appointments", "/me/appointments"),
				new View("client", "/me/progress", "/me/progress"), new View("client", "/me/home", "/me/home"));
		List<String> people = List.of("front desk", "front desk", "front desk", "therapist", "therapist", "therapist",
				"client", "client");
		List<HttpClient> browsers = new ArrayList<>();
		for (String role : people) {
			browsers.add(signedIn(accounts.get(role)));
		}
		// Every page once per person before the clock starts: each answers 200 (no sign-in redirect, no error).
		for (int person = 0; person < people.size(); person++) {
			for (View view : views) {
				if (view.role().equals(people.get(person))) {
					page(browsers.get(person), view.path(), "<main");
				}
			}
		}
		try (Connection db = this.pool.getConnection()) {
			exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
		for (View view : views) {
			figure("pages", view.role() + " " + shown(view) + ": SQL statements per view", "count",
					statementsPerView(browsers.get(people.indexOf(view.role())), view.path(), "<main"));
		}
		// The same load for half the time first, discarded: the JIT compiles the pages' code meanwhile.
		everyoneAtOnce(people, views, browsers, Duration.ofSeconds(Math.max(3, this.seconds / 2)));
		String before = metrics();
		Map<String, List<Long>> seenTimes = everyoneAtOnce(people, views, browsers, Duration.ofSeconds(this.seconds));
		String after = metrics();
		figure("pages", "views a second, 8 people at once", "1/s",
				seenTimes.values().stream().mapToInt(List::size).sum() / (double) this.seconds);
		Set<String> reported = new HashSet<>();
		for (View view : views) {
			if (reported.add(view.uri())) {
				double[] server = serverPercentiles(before, after, view.uri());
				figure("pages", view.role() + " " + view.uri() + ": server p50 ≤ (8 users)", "ms", server[0]);
				figure("pages", view.role() + " " + view.uri() + ": server p99 ≤ (8 users, goal ≤ 50)", "ms", server[1]);
			}
			long[] sorted = seenTimes.get(view.path()).stream().mapToLong(Long::longValue).sorted().toArray();
			figure("pages", view.role() + " " + shown(view) + ": seen p99 (8 users)", "ms",
					sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6);
		}
	}

	/**
	 * Each person going round their role's pages for {@code length}, all at once: the time each view
	 * took, by path.
	 */
	Map<String, List<Long>> everyoneAtOnce(List<String> people, List<View> views, List<HttpClient> browsers,
			Duration length) throws Exception {
		Map<String, List<Long>> seenTimes = new ConcurrentHashMap<>();
		long end = System.nanoTime() + length.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(people.size());
		List<Future<?>> done = new ArrayList<>();
		for (int person = 0; person < people.size(); person++) {
			HttpClient browser = browsers.get(person);
			String role = people.get(person);
			List<View> mine = views.stream().filter(view -> view.role().equals(role)).toList();
			int offset = person;
			done.add(pool.submit(() -> {
				for (int i = offset; System.nanoTime() < end; i++) {
					View view = mine.get(i % mine.size());
					long t0 = System.nanoTime();
					page(browser, view.path(), "<main");
					seenTimes.computeIfAbsent(view.path(), path -> Collections.synchronizedList(new ArrayList<>()))
						.add(System.nanoTime() - t0);
				}
				return null;
			}));
		}
		for (Future<?> one : done) {
			one.get();
		}
		pool.shutdown();
		return seenTimes;
	}

	/** The view's path with ids and dates as placeholders. */
	static String shown(View view) {
		return view.path().replaceAll("[0-9a-f-]{36}", "{id}").replaceAll("=\\d{4}-\\d\\d-\\d\\d", "=D");
	}

	/**
	 * BackCare's own p50 and p99 for a URI between two readings of its request-time histogram
	 * (summed over methods, statuses and outcomes): the upper bound (ms) of the bucket holding each.
	 */
	static double[] serverPercentiles(String before, String after, String uri) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		Pattern bucket = Pattern.compile("http_server_requests_seconds_bucket\\{(" + LABELS + ")\\} ([0-9.E+-]+)");
		for (String[] reading : new String[][] { { after, "1" }, { before, "-1" } }) {
			Matcher found = bucket.matcher(reading[0]);
			while (found.find()) {
				String labels = found.group(1);
				Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
				if (labels.contains("uri=\"" + uri + "\"") && le.find() && !le.group(1).equals("+Inf")) {
					buckets.merge(Double.parseDouble(le.group(1)),
							Double.parseDouble(reading[1]) * Double.parseDouble(found.group(2)), Double::sum);
				}
			}
		}
		double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
		double[] percentiles = { Double.NaN, Double.NaN };
		double[] ranks = { 0.5, 0.99 };
		for (int i = 0; i < ranks.length; i++) {
			for (Map.Entry<Double, Double> entry : buckets.entrySet()) {
				if (total > 0 && entry.getValue() >= ranks[i] * total) {
					percentiles[i] = entry.getKey() * 1000;
					break;
				}
			}
		}
		return percentiles;
	}

	// ------------------------------------------------------------------ outcomes

	/** An intake as the front desk enters it from paper: the office worker of the tests. */
	static final String INTAKE = """
			{"painMap": {"regions": {"LOWER_BACK_LEFT": 6, "LOWER_BACK_RIGHT": 4}, "radiatingLegPain": false,
			 "numbnessOrTingling": false}, "pain": {"now": 7, "average": 6, "worst": 8}, "duration": "CHRONIC",
			 "causes": ["PROLONGED_SITTING"], "goals": {"wantToDoAgain": "Sit through a working day", "pressure": "MEDIUM",
			 "therapistGender": "NO_PREFERENCE"}, "startBack": {"agree": [true, true, false, true, true, false, true, false],
			 "bothersomeness": "VERY_MUCH"}, "oswestry": {"sections": [4, 2, 3, 2, 3, 2, 2, null, 2, 2]},
			 "redFlags": {"saddleNumbness": false, "bladderOrBowelDysfunction": false, "legWeaknessOrGaitChange": false,
			 "historyOfCancer": false, "unexplainedWeightLoss": false, "feverOrChills": false, "immunosuppression": false,
			 "intravenousDrugUse": false, "majorTrauma": false, "minorTrauma": false, "longTermSteroids": false,
			 "constantNightPain": false, "firstEpisode": false}, "contraindications": {"suspectedDvt": false,
			 "recentFracture": false, "osteoporosis": false, "skinProblemInArea": false,
			 "anticoagulantsOrBleedingDisorder": false, "pregnancy": false, "activeCancerTreatment": false}}""";

	/**
	 * A client with two years of weekly sessions, each with a signed note's pain and the
	 * client's feedback, and a follow-up every four weeks: their progress (GET
	 * /api/v1/clients/{id}/outcomes) one at a time, p50 and p99; the progress report (PDF)
	 * one at a time and eight at once, p50 and p99, with the server's peak heap under its
	 * -Xmx512m.
	 */
	void outcomes() throws Exception {
		Seeded clinic = seed(2, 0, false);
		String token = token(frontDesk(clinic, "outcomes"));
		UUID client = clinic.clients().get(0);
		UUID therapist = clinic.therapists().get(0);
		if (post(token, "/api/v1/clients/" + client + "/intakes", INTAKE) != 201) {
			throw new IllegalStateException("The intake was refused");
		}
		String c = "'" + clinic.clinic() + "'";
		String k = "'" + client + "'";
		String t = "'" + therapist + "'";
		try (Connection db = this.pool.getConnection()) {
			exec(db, "UPDATE intake SET submitted_at = now() - interval '730 days' WHERE client_id = " + k);
			for (int week = 0; week < 104; week++) {
				String start = "(date_trunc('hour', now()) - interval '" + (727 - 7 * week) + " days')";
				UUID held = UUID.randomUUID();
				UUID note = UUID.randomUUID();
				int pain = Math.max(1, 7 - week / 20);
				exec(db, "INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, technique, starts_at, "
						+ "ends_at, blocked_until, status, completed_at) VALUES (" + c + ", '" + held + "', " + t + ", " + k
						+ ", 'TREATMENT_60', 'SWEDISH', " + start + ", " + start + " + interval '60 minutes', " + start
						+ " + interval '75 minutes', 'COMPLETED', " + start + " + interval '60 minutes')");
				exec(db, "INSERT INTO session_note (clinic_id, id, appointment_id, client_id, therapist_id, session_start, "
						+ "subjective, pain_now, plan, minutes, created_at, updated_at, signed_at, signed_by, signer_name, "
						+ "signer_licence, client_name, client_born, content_hash) VALUES (" + c + ", '" + note + "', '" + held
						+ "', " + k + ", " + t + ", " + start + ", 'Stiff', " + pain + ", 'Same again', 50, now(), now(), "
						+ "now(), gen_random_uuid(), 'Bench therapist', 'Bench 1', 'Bench client', DATE '1980-01-01', "
						+ "md5(random()::text) || md5(random()::text))");
				exec(db, "INSERT INTO session_feedback (clinic_id, id, appointment_id, client_id, therapist_id, session_start, "
						+ "session_end, pain_now, given_at, updated_at) VALUES (" + c + ", gen_random_uuid(), '" + held + "', "
						+ k + ", " + t + ", " + start + ", " + start + " + interval '60 minutes', " + pain + ", now(), now())");
				if (week % 4 == 3) {
					UUID followUp = UUID.randomUUID();
					String at = start + " + interval '1 day'";
					exec(db, "INSERT INTO follow_up (clinic_id, id, client_id, answered_at, answered_by) VALUES (" + c + ", '"
							+ followUp + "', " + k + ", " + at + ", gen_random_uuid())");
					exec(db, "INSERT INTO follow_up_response (clinic_id, follow_up_id, client_id, instrument, version, raw_answers, "
							+ "score, subscale, category) VALUES (" + c + ", '" + followUp + "', " + k + ", 'NPRS', 'bench', '{}', "
							+ pain + ", NULL, 'NOW'), (" + c + ", '" + followUp + "', " + k + ", 'ODI', 'bench', '{}', "
							+ Math.max(4, 48 - week / 3) + ", NULL, 'MODERATE'), (" + c + ", '" + followUp + "', " + k
							+ ", 'STARTBACK', 'bench', '{}', " + Math.max(1, 6 - week / 20) + ", 2, 'LOW')");
				}
			}
			exec(db, "ANALYZE");
		}
		String outcomes = "/api/v1/clients/" + client + "/outcomes";
		double[] read = apiLatencies(token, outcomes, 1, Math.max(3, this.seconds / 2));
		figure("outcomes", "SQL statements per outcomes read", "count", apiStatements(token, outcomes));
		// The floor of any authenticated API read on this machine, for the ratio.
		double[] floor = apiLatencies(token, "/api/v1/me", 1, Math.max(3, this.seconds / 2));
		figure("outcomes", "floor: GET /api/v1/me, p50", "ms", floor[0]);
		figure("outcomes", "floor: GET /api/v1/me, p99", "ms", floor[1]);
		figure("outcomes", "ratio outcomes p50 ÷ floor p50", "ratio", read[0] / floor[0]);
		// An audited read of one record: what writing the audit entry and committing it costs.
		double[] audited = apiLatencies(token, "/api/v1/clients/" + client + "/intakes/latest", 1,
				Math.max(3, this.seconds / 2));
		figure("outcomes", "one audited read (GET …/intakes/latest), p50", "ms", audited[0]);
		figure("outcomes", "one audited read (GET …/intakes/latest), p99", "ms", audited[1]);
		figure("outcomes", "outcomes, 104 weekly sessions and 26 follow-ups, p50", "ms", read[0]);
		figure("outcomes", "outcomes, 104 weekly sessions and 26 follow-ups, p99 (goal ≤ 20)", "ms", read[1]);
		String report = "/api/v1/clients/" + client + "/progress-report";
		double[] one = apiLatencies(token, report, 1, Math.max(3, this.seconds / 2));
		figure("outcomes", "progress report PDF, one at a time, p50", "ms", one[0]);
		figure("outcomes", "progress report PDF, one at a time, p99 (goal ≤ 1000)", "ms", one[1]);
		double[] eight = apiLatencies(token, report, 8, this.seconds);
		figure("outcomes", "progress report PDF, 8 at once, p50", "ms", eight[0]);
		figure("outcomes", "progress report PDF, 8 at once, p99", "ms", eight[1]);
		figure("outcomes", "peak heap used while 8 reports at once (-Xmx512m)", "MiB", eight[2]);
		figure("outcomes", "reports not 200 while 8 at once", "count", eight[3]);
	}

	/**
	 * GETs of one path by {@code clients} at once for the seconds (after a warm-up): p50,
	 * p99, the server's peak heap meanwhile, and answers that were not 200.
	 */
	double[] apiLatencies(String token, String path, int clients, int seconds) throws Exception {
		for (int i = 0; i < 10; i++) {
			get(token, path);
		}
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService workers = Executors.newFixedThreadPool(clients);
		List<Future<long[]>> parts = new ArrayList<>();
		java.util.concurrent.ConcurrentLinkedQueue<Long> times = new java.util.concurrent.ConcurrentLinkedQueue<>();
		for (int i = 0; i < clients; i++) {
			parts.add(workers.submit(() -> {
				long failed = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					if (get(token, path) != 200) {
						failed++;
					}
					times.add(System.nanoTime() - t0);
				}
				return new long[] { failed };
			}));
		}
		double peakHeap = 0;
		while (!parts.stream().allMatch(Future::isDone)) {
			peakHeap = Math.max(peakHeap, heapMiB());
			Thread.sleep(100);
		}
		long failed = 0;
		for (Future<long[]> part : parts) {
			failed += part.get()[0];
		}
		workers.shutdown();
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		return new double[] { sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6,
				peakHeap, failed };
	}

	/** Statements PostgreSQL ran per GET of the path (pg_stat_statements), over 20 after a warm-up. */
	double apiStatements(String token, String path) throws Exception {
		return statements("GET " + path, () -> get(token, path));
	}

	/** Statements PostgreSQL ran per POST of the body to the path, over 20 after a warm-up. */
	double postStatements(String token, String path, String body) throws Exception {
		return statements("POST " + path, () -> post(token, path, body));
	}

	double statements(String what, java.util.concurrent.Callable<Integer> request) throws Exception {
		try (Connection db = this.pool.getConnection()) {
			exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			exec(db, "SELECT pg_stat_statements_reset()");
		}
		for (int i = 0; i < 20; i++) {
			request.call();
		}
		try (Connection db = this.pool.getConnection()) {
			if (System.getenv("BENCH_STATEMENTS") != null) {
				try (var top = db.createStatement()
					.executeQuery("SELECT calls / 20.0, round((total_exec_time / 20)::numeric, 3), "
							+ "left(regexp_replace(query, '\\s+', ' ', 'g'), 100) FROM pg_stat_statements "
							+ "WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time + total_plan_time DESC LIMIT 15")) {
					System.out.println("# statements per " + what + " (calls, ms, query)");
					while (top.next()) {
						System.out.printf("#   %5.1f %8s  %s%n", top.getDouble(1), top.getString(2), top.getString(3));
					}
				}
			}
			return Bench.<Long>single(db, "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements "
					+ "WHERE query NOT ILIKE '%pg_stat_statements%'") / 20.0;
		}
	}

	int get(String token, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	// ------------------------------------------------------------------ booking

	static final class BookingRun {

		long created;

		long conflicts;

		long refused;

		long errors;

		final List<Long> latencies = new ArrayList<>();

		double peakRssMiB;

		double peakHeapMiB;

		double percentile(int p) {
			long[] sorted = this.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
		}

	}

	BookingRun bookings(Seeded clinic, String token, int clients) throws Exception {
		BookingRun run = new BookingRun();
		long end = System.nanoTime() + Duration.ofSeconds(this.seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<BookingRun>> parts = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			parts.add(pool.submit(() -> {
				BookingRun part = new BookingRun();
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (System.nanoTime() < end) {
					UUID therapist = clinic.therapists().get(random.nextInt(clinic.therapists().size()));
					UUID client = clinic.clients().get(random.nextInt(clinic.clients().size()));
					String start = randomStart(random);
					long t0 = System.nanoTime();
					int status;
					try {
						status = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/appointments"))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + client + "\",\"therapistId\":\""
									+ therapist + "\",\"service\":\"TREATMENT_60\",\"start\":\"" + start + "\"}"))
							.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (IOException ex) {
						status = 0;
					}
					part.latencies.add(System.nanoTime() - t0);
					if (status == 201) {
						part.created++;
					}
					else if (status == 409) {
						part.conflicts++;
					}
					else if (status >= 400 && status < 500) {
						part.refused++;
					}
					else {
						part.errors++;
					}
				}
				return part;
			}));
		}
		while (!parts.stream().allMatch(Future::isDone)) {
			run.peakRssMiB = Math.max(run.peakRssMiB, rssMiB());
			run.peakHeapMiB = Math.max(run.peakHeapMiB, heapMiB());
			Thread.sleep(250);
		}
		for (Future<BookingRun> part : parts) {
			BookingRun done = part.get();
			run.created += done.created;
			run.conflicts += done.conflicts;
			run.refused += done.refused;
			run.errors += done.errors;
			run.latencies.addAll(done.latencies);
		}
		pool.shutdown();
		run.peakRssMiB = Math.max(run.peakRssMiB, Files.readAllLines(Path.of("/proc/" + this.app.pid() + "/status"))
			.stream()
			.filter(line -> line.startsWith("VmHWM:"))
			.mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024)
			.findFirst()
			.orElse(0));
		return run;
	}

	/** The bench's own statements while it counts BackCare's: resetting, reading and waiting. */
	static final String NOT_THE_BENCHS = "query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE 'SELECT count(*) FROM mail_message%'";

	/**
	 * Statements PostgreSQL ran per booking (pg_stat_statements) over 50 sequential bookings that
	 * cannot conflict (each its own therapist, client and day, 100 to 300 days ahead), after 10
	 * such bookings as a warm-up. The booking's mail is written and sent after it commits: the
	 * count starts once the outbox holds nothing unsent from the runs before and ends once these
	 * bookings' own mail has gone, so it is the booking's work and its mail's, nothing else.
	 */
	double statementsPerBooking(Seeded clinic, String token) throws Exception {
		try (Connection db = this.pool.getConnection()) {
			exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
		for (int i = 0; i < 60; i++) {
			if (i == 10) {
				awaitOutboxEmpty(Duration.ofMinutes(2));
				try (Connection db = this.pool.getConnection()) {
					exec(db, "SELECT pg_stat_statements_reset()");
				}
			}
			String start = LocalDate.now(ZONE).plusDays(100 + i * 3).atTime(9, 0).atZone(ZONE).toOffsetDateTime().toString();
			int status = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/appointments"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + clinic.clients().get(1000 + i)
						+ "\",\"therapistId\":\"" + clinic.therapists().get(i % clinic.therapists().size())
						+ "\",\"service\":\"TREATMENT_60\",\"start\":\"" + start + "\"}"))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 201) {
				throw new IllegalStateException("A booking that cannot conflict was answered " + status);
			}
		}
		awaitOutboxEmpty(Duration.ofMinutes(2));
		try (Connection db = this.pool.getConnection()) {
			if (System.getenv("BENCH_STATEMENTS") != null) {
				try (var top = db.createStatement()
					.executeQuery("SELECT calls / 50.0 AS per_booking, mean_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS q "
							+ "FROM pg_stat_statements WHERE " + NOT_THE_BENCHS + " ORDER BY calls DESC LIMIT 30")) {
					System.out.println("# statements per booking, with PostgreSQL's mean time for each (ms)");
					while (top.next()) {
						System.out.printf("#   %6.2f  %7.3f  %s%n", top.getDouble(1), top.getDouble(2), top.getString(3));
					}
				}
			}
			return Bench.<Long>single(db, "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE " + NOT_THE_BENCHS)
					/ 50.0;
		}
	}

	/** A quarter hour between 08:00 and 19:00 local, 3 to 60 days ahead. */
	static String randomStart(ThreadLocalRandom random) {
		LocalDate day = LocalDate.now(ZONE).plusDays(3 + random.nextInt(58));
		return day.atTime(8 + random.nextInt(11), 15 * random.nextInt(4)).atZone(ZONE).toOffsetDateTime().toString();
	}

	/**
	 * What PostgreSQL itself commits: single-row inserts into the same appointment table, through
	 * the same exclusion constraints, one transaction each, at the same concurrency, over JDBC from
	 * this process (pgbench is not on every machine; this loop is). Conflicts roll back as BackCare's do.
	 */
	double baselineInserts(Seeded clinic, int clients) throws Exception {
		AtomicLong committed = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(this.seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> parts = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			parts.add(pool.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				try (Connection db = this.pool.getConnection()) {
					db.setAutoCommit(true);
					PreparedStatement insert = db.prepareStatement("""
							INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
							VALUES (?, ?, ?, ?, 'TREATMENT_60', ?::timestamptz, ?::timestamptz + interval '60 minutes', ?::timestamptz + interval '75 minutes')""");
					while (System.nanoTime() < end) {
						String start = randomStart(random);
						insert.setObject(1, clinic.clinic());
						insert.setObject(2, UUID.randomUUID());
						insert.setObject(3, clinic.therapists().get(random.nextInt(clinic.therapists().size())));
						insert.setObject(4, clinic.clients().get(random.nextInt(clinic.clients().size())));
						insert.setString(5, start);
						insert.setString(6, start);
						insert.setString(7, start);
						try {
							insert.executeUpdate();
							committed.incrementAndGet();
						}
						catch (SQLException conflict) {
							// 23P01: the slot was taken, exactly as BackCare's 409
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> part : parts) {
			part.get();
		}
		pool.shutdown();
		// Leave the table as the booking run will find it: baseline rows are removed again.
		try (Connection db = this.pool.getConnection()) {
			exec(db, "DELETE FROM appointment WHERE id NOT IN (SELECT record_id FROM audit_event WHERE record_id IS NOT NULL) AND created_at > now() - interval '"
					+ (this.seconds + 5) + " seconds'");
		}
		return committed.get() / (double) this.seconds;
	}

	// ------------------------------------------------------------------ availability

	/** Clinics of these sizes, side by side: the first free slots across them should not grow with them. */
	static final int[] CLINIC_SIZES = { 20, 200, 2000, 20_000 };

	/**
	 * 100 booked sessions per therapist over 90 days, at most 400,000 (20 each at 20,000 therapists, to
	 * keep seeding within a minute or two); every therapist has one on the first day searched either way.
	 */
	static int appointmentsFor(int therapists) {
		return Math.min(therapists * 100, 400_000);
	}

	void availability(Seeded clinic, int therapists) throws Exception {
		LocalDate from = LocalDate.now(ZONE).plusDays(3);
		LocalDate to = from.plusDays(13);
		UUID one = clinic.therapists().get(therapists / 2);
		String single = base() + "/api/v1/therapists/" + one + "/availability?service=TREATMENT_60&from=" + from + "&to=" + to;
		String across = base() + "/api/v1/availability?service=TREATMENT_60&technique=DEEP_TISSUE&limit=10&clinic="
				+ clinic.clinic() + "&from=" + from + "&to=" + to;
		String before = metrics();
		double[] a = latencies(single);
		String between = metrics();
		double[] b = latencies(across);
		String after = metrics();
		double[] serverA = serverPercentiles(before, between, "/api/v1/therapists/{id}/availability");
		double[] serverB = serverPercentiles(between, after, "/api/v1/availability");
		double floorA = floor("""
				SELECT (SELECT count(*) FROM working_hours WHERE therapist_id = ?::uuid)
				     + (SELECT count(*) FROM appointment WHERE therapist_id = ?::uuid AND status = 'BOOKED'
				          AND tstzrange(starts_at, blocked_until) && tstzrange(now(), now() + interval '20 days'))""", one.toString(), 2);
		double floorB = floor("""
				SELECT (SELECT count(*) FROM working_hours w JOIN certification c ON c.therapist_id = w.therapist_id
				          WHERE w.clinic_id = ?::uuid AND c.technique = 'DEEP_TISSUE')
				     + (SELECT count(*) FROM appointment a JOIN certification c ON c.therapist_id = a.therapist_id
				          WHERE a.clinic_id = ?::uuid AND c.technique = 'DEEP_TISSUE' AND a.status = 'BOOKED'
				          AND tstzrange(a.starts_at, a.blocked_until) && tstzrange(now(), now() + interval '20 days'))""",
				clinic.clinic().toString(), 2);
		String label = therapists + " therapists";
		figure("availability", "(a) one therapist, 14 days, p50, " + label, "ms", a[0]);
		figure("availability", "(a) one therapist, 14 days, p99, " + label, "ms", a[1]);
		figure("availability", "(a) BackCare's own p50 ≤, " + label, "ms", serverA[0]);
		figure("availability", "(a) BackCare's own p99 ≤, " + label, "ms", serverA[1]);
		figure("availability", "(a) queries/s, " + label, "1/s", a[2]);
		figure("availability", "(a) data-fetch floor (plain SQL), " + label, "ms", floorA);
		figure("availability", "(a) ratio p50 ÷ floor, " + label, "ratio", a[0] / floorA);
		figure("availability", "(b) first 10 across technique, 14 days, p50, " + label, "ms", b[0]);
		figure("availability", "(b) first 10 across technique, 14 days, p99, " + label, "ms", b[1]);
		figure("availability", "(b) BackCare's own p50 ≤, " + label, "ms", serverB[0]);
		figure("availability", "(b) BackCare's own p99 ≤, " + label, "ms", serverB[1]);
		figure("availability", "(b) queries/s, " + label, "1/s", b[2]);
		figure("availability", "(b) every qualified therapist's data (plain SQL), " + label, "ms", floorB);
		figure("availability", "(b) ratio p50 ÷ that, " + label, "ratio", b[0] / floorB);
	}

	/**
	 * The fixed cost of any request: a public endpoint that reads nothing (liveness), sequentially,
	 * through the same server, filters and metrics as every other.
	 */
	void requestFloor() throws Exception {
		double[] live = latencies(base() + "/actuator/health/liveness", "UP");
		figure("availability", "request floor (GET /actuator/health/liveness), p50", "ms", live[0]);
		figure("availability", "request floor (GET /actuator/health/liveness), p99", "ms", live[1]);
	}

	/** Sequential requests for the run's seconds (after a warm-up): p50, p99, queries/s. */
	double[] latencies(String url) throws Exception {
		return latencies(url, "\"start\"");
	}

	double[] latencies(String url, String expected) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
		// An empty answer is fast and meaningless: the question must find free time.
		String first = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		if (!first.contains(expected)) {
			throw new IllegalStateException(url + " found no free time: " + first.substring(0, Math.min(200, first.length())));
		}
		for (int i = 0; i < 30; i++) {
			this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		List<Long> times = new ArrayList<>();
		long end = System.nanoTime() + Duration.ofSeconds(Math.max(3, this.seconds / 2)).toNanos();
		long started = System.nanoTime();
		while (System.nanoTime() < end) {
			long t0 = System.nanoTime();
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 200) {
				throw new IllegalStateException(url + " answered " + status);
			}
			times.add(System.nanoTime() - t0);
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		return new double[] { sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6,
				sorted.length / elapsed };
	}

	/** Median time of one plain query over the same rows (JDBC, same pool). */
	double floor(String sql, String parameter, int uses) throws SQLException {
		try (Connection db = this.pool.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
			for (int i = 1; i <= uses; i++) {
				query.setString(i, parameter);
			}
			long[] times = new long[200];
			for (int i = 0; i < 230; i++) {
				long t0 = System.nanoTime();
				query.executeQuery().close();
				if (i >= 30) {
					times[i - 30] = System.nanoTime() - t0;
				}
			}
			Arrays.sort(times);
			return times[times.length / 2] / 1e6;
		}
	}

	// ------------------------------------------------------------------ calendar and series

	/**
	 * The front desk's week view for 20 therapists with a full week of sessions (and, to show the
	 * number of statements does not grow with them, the same for 5 therapists), and a 12-session
	 * series against 12 single bookings, one after the other in the same run.
	 */
	void calendarAndSeries() throws Exception {
		try (Connection db = this.pool.getConnection()) {
			exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
		LocalDate monday = LocalDate.now(ZONE).plusDays(7).with(java.time.DayOfWeek.MONDAY);
		Seeded five = seed(5, 0, false);
		Seeded twenty = seed(20, 0, false);
		for (Seeded clinic : List.of(five, twenty)) {
			fillWeek(clinic, monday);
		}
		HttpClient asFive = signedIn(frontDesk(five, "week-5"));
		HttpClient asTwenty = signedIn(frontDesk(twenty, "week-20"));
		String week = "/calendar?view=week&date=" + monday;
		String day = "/calendar?date=" + monday.plusDays(2);
		double statementsFive = statementsPerView(asFive, week);
		double statementsTwenty = statementsPerView(asTwenty, week);
		double[] weekView = pageLatencies(asTwenty, week);
		double[] dayView = pageLatencies(asTwenty, day);
		figure("calendar", "week view, 20 therapists, 1,260 sessions, p50", "ms", weekView[0]);
		figure("calendar", "week view, 20 therapists, 1,260 sessions, p99", "ms", weekView[1]);
		figure("calendar", "day view, 20 therapists, p50", "ms", dayView[0]);
		figure("calendar", "day view, 20 therapists, p99", "ms", dayView[1]);
		figure("calendar", "SQL statements per week view, 5 therapists", "count", statementsFive);
		figure("calendar", "SQL statements per week view, 20 therapists", "count", statementsTwenty);

		String token = token(frontDeskEmail("week-20"));
		double[] series = seriesLatencies(twenty, token, true, monday.plusWeeks(1));
		double[] singles = seriesLatencies(twenty, token, false, monday.plusWeeks(14));
		figure("series", "12-session series, p50", "ms", series[0]);
		figure("series", "12-session series, p99", "ms", series[1]);
		figure("series", "12 single bookings, p50", "ms", singles[0]);
		figure("series", "12 single bookings, p99", "ms", singles[1]);
		figure("series", "ratio series p50 ÷ 12 singles p50", "ratio", series[0] / singles[0]);
		figure("audit", "overlapping active appointments after the series runs", "count", overlaps());
	}

	/** Every therapist booked all week: 08:00 to 19:45, a 60-minute session every 75 minutes. */
	void fillWeek(Seeded clinic, LocalDate monday) throws SQLException {
		try (Connection db = this.pool.getConnection()) {
			exec(db, "INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until) "
					+ "SELECT '" + clinic.clinic() + "', gen_random_uuid(), t.id, (SELECT id FROM client WHERE clinic_id = '"
					+ clinic.clinic() + "' ORDER BY id OFFSET (t.n * 9 + k) % 2000 LIMIT 1), 'TREATMENT_60', s, s + interval '60 minutes', "
					+ "s + interval '75 minutes' FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM therapist WHERE clinic_id = '"
					+ clinic.clinic() + "') t, generate_series(0, 6) d, generate_series(0, 8) k, "
					+ "LATERAL (SELECT (DATE '" + monday + "' + d + time '08:00' + k * interval '75 minutes') AT TIME ZONE 'Europe/Berlin' AS s) slot "
					+ "ON CONFLICT DO NOTHING");
			exec(db, "ANALYZE appointment");
		}
	}

	static String frontDeskEmail(String name) {
		return name + "-admin@bench.example";
	}

	/** A front-desk account of the clinic, with the bench admin's password. */
	String frontDesk(Seeded clinic, String name) throws SQLException {
		try (Connection db = this.pool.getConnection()) {
			exec(db, "INSERT INTO account (clinic_id, id, email, password_hash, role, email_confirmed_at) SELECT '"
					+ clinic.clinic() + "', gen_random_uuid(), '" + frontDeskEmail(name) + "', password_hash, 'ADMIN', now() FROM account "
					+ "WHERE email = 'bench-admin@bench.example'");
		}
		return frontDeskEmail(name);
	}

	/** A browser-like client signed in through the login form (session cookie, CSRF token). */
	HttpClient signedIn(String email) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		HttpResponse<Void> signIn = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + email + "&password=" + PASSWORD.replace(' ', '+')
					+ "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Signing in as " + email + " failed: " + signIn.statusCode());
		}
		return browser;
	}

	/** Statements PostgreSQL ran per view (pg_stat_statements), over 20 views after a warm-up. */
	double statementsPerView(HttpClient browser, String path) throws Exception {
		return statementsPerView(browser, path, "calendar-");
	}

	double statementsPerView(HttpClient browser, String path, String marker) throws Exception {
		for (int i = 0; i < 5; i++) {
			page(browser, path, marker);
		}
		try (Connection db = this.pool.getConnection()) {
			exec(db, "SELECT pg_stat_statements_reset()");
		}
		for (int i = 0; i < 20; i++) {
			page(browser, path, marker);
		}
		try (Connection db = this.pool.getConnection()) {
			if (System.getenv("BENCH_STATEMENTS") != null) {
				// Which statements a view runs, most called first: the profile behind the count.
				try (var top = db.createStatement()
					.executeQuery("SELECT calls / 20.0 AS per_view, (total_exec_time + total_plan_time) / 20.0 AS ms_per_view, "
							+ "left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS q "
							+ "FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time + total_plan_time DESC LIMIT 15")) {
					System.out.println("# statements per view of " + path + " (calls, PostgreSQL's ms per view planning and running it), longest first");
					while (top.next()) {
						System.out.printf("#   %6.1f  %6.2f ms  %s%n", top.getDouble(1), top.getDouble(2), top.getString(3));
					}
				}
			}
			return Bench.<Long>single(db, "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'")
					/ 20.0;
		}
	}

	/** Sequential views for the run's seconds (after a warm-up): p50, p99. */
	double[] pageLatencies(HttpClient browser, String path) throws Exception {
		return pageLatencies(browser, path, "calendar-");
	}

	double[] pageLatencies(HttpClient browser, String path, String marker) throws Exception {
		// A warm-up as long as the measurement: on two cores the JIT compiles the page's code
		// (Thymeleaf's above all) for seconds, and a short one measured the compiler.
		long warm = System.nanoTime() + Duration.ofSeconds(Math.max(3, this.seconds / 2)).toNanos();
		while (System.nanoTime() < warm) {
			page(browser, path, marker);
		}
		List<Long> times = new ArrayList<>();
		long end = System.nanoTime() + Duration.ofSeconds(Math.max(3, this.seconds / 2)).toNanos();
		while (System.nanoTime() < end) {
			long t0 = System.nanoTime();
			page(browser, path, marker);
			times.add(System.nanoTime() - t0);
		}
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		return new double[] { sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6 };
	}

	void page(HttpClient browser, String path) throws Exception {
		page(browser, path, "calendar-");
	}

	/** One view, checked to be the page that shows {@code marker} (not a sign-in page or an error). */
	void page(HttpClient browser, String path, String marker) throws Exception {
		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200 || !answer.body().contains(marker)) {
			throw new IllegalStateException(path + " answered " + answer.statusCode());
		}
	}

	/**
	 * A 12-session weekly series per request ({@code series}), or the same 12 sessions as 12 single
	 * bookings one after the other, timed as one unit. Each unit takes its own therapist, weekday and
	 * time, so none conflicts: the figure is the cost of booking, not of refusing.
	 */
	double[] seriesLatencies(Seeded clinic, String token, boolean series, LocalDate firstWeek) throws Exception {
		List<Long> times = new ArrayList<>();
		long end = System.nanoTime() + Duration.ofSeconds(this.seconds).toNanos();
		int unit = 0;
		while ((System.nanoTime() < end || times.size() < 5) && unit < 20 * 9 * 7) {
			UUID therapist = clinic.therapists().get(unit % clinic.therapists().size());
			UUID client = clinic.clients().get(unit);
			java.time.ZonedDateTime first = firstWeek.plusDays((unit / (20 * 9)) % 7)
				.atTime(8, 0)
				.plusMinutes(75L * ((unit / 20) % 9))
				.atZone(ZONE);
			unit++;
			long t0 = System.nanoTime();
			if (series) {
				int status = post(token, "/api/v1/series", "{\"clientId\":\"" + client + "\",\"therapistId\":\"" + therapist
						+ "\",\"service\":\"TREATMENT_60\",\"start\":\"" + first.toOffsetDateTime() + "\",\"everyWeeks\":1,\"count\":12}");
				if (status != 201) {
					throw new IllegalStateException("A series was refused: " + status);
				}
			}
			else {
				for (int week = 0; week < 12; week++) {
					int status = post(token, "/api/v1/appointments", "{\"clientId\":\"" + client + "\",\"therapistId\":\""
							+ therapist + "\",\"service\":\"TREATMENT_60\",\"start\":\""
							+ first.plusWeeks(week).toOffsetDateTime() + "\"}");
					if (status != 201) {
						throw new IllegalStateException("A single booking was refused: " + status);
					}
				}
			}
			times.add(System.nanoTime() - t0);
		}
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		return new double[] { sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6 };
	}

	int post(String token, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	// ------------------------------------------------------------------ home care

	/**
	 * Home care. Logging an item (POST /api/v1/clients/{id}/home-log, an audited write) by
	 * 1 and by 32 clients at once, each their own, p50 and p99, against the floor of an
	 * authenticated read at 32. And the reminder planning run for 10,000 clients with daily
	 * items (three reminder times each, in five zones): from the run being made due until
	 * every client's today and tomorrow are planned and committed, with the nodes polling
	 * every second; and the reminders it planned.
	 */
	void homeCare() throws Exception {
		Seeded clinic = seed(2, 0, false);
		String c = "'" + clinic.clinic() + "'";
		try (Connection db = this.pool.getConnection()) {
			exec(db, "CREATE TEMP TABLE home_client AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, 10000) n");
			exec(db, "INSERT INTO client (clinic_id, id, name, email, date_of_birth) SELECT " + c
					+ ", id, 'Home ' || n, 'home-' || n || '@bench.example', DATE '1980-01-01' FROM home_client");
			exec(db, "INSERT INTO home_plan (clinic_id, id, client_id, version, written_at, written_by, written_by_name, note) "
					+ "SELECT " + c + ", id, id, 1, now() - interval '14 days', gen_random_uuid(), 'Bench therapist', '' "
					+ "FROM home_client");
			exec(db, "INSERT INTO home_plan_item (clinic_id, plan_id, item, position, kind, title, instruction, times_per_day, "
					+ "days_per_week, minutes, safety) SELECT " + c + ", id, i.item, i.pos, i.kind, i.title, 'Bench.', i.tpd, "
					+ "i.dpw, i.minutes, '' FROM home_client, (VALUES ('walk', 0, 'EXERCISE', 'Walk', NULL, 5, 30), "
					+ "('movement-break', 1, 'MOVEMENT_BREAK', 'Stand up and move', 6, NULL, 2), "
					+ "('heat', 2, 'HEAT', 'Heat pack', 2, NULL, 15)) AS i(item, pos, kind, title, tpd, dpw, minutes)");
			exec(db, "INSERT INTO home_reminder_setting (clinic_id, client_id, zone, quiet_from, quiet_until, since) SELECT "
					+ c + ", id, (ARRAY['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', "
					+ "'Europe/London'])[1 + n % 5], '22:00', '07:00', current_date FROM home_client");
			exec(db, "INSERT INTO home_reminder (client_id, item, at, days) SELECT id, r.item, r.at::time, r.days "
					+ "FROM home_client, (VALUES ('movement-break', '10:00', 127), ('walk', '12:30', 31), ('heat', '20:00', 127)) "
					+ "AS r(item, at, days)");
			exec(db, "ANALYZE");
		}
		// 32 of them sign in and log, each their own plan.
		List<String> tokens = new ArrayList<>();
		List<UUID> loggers = new ArrayList<>();
		try (Connection db = this.pool.getConnection();
				var rows = db.createStatement().executeQuery("SELECT id, n FROM home_client WHERE n <= 32 ORDER BY n")) {
			while (rows.next()) {
				loggers.add(rows.getObject(1, UUID.class));
			}
		}
		try (Connection db = this.pool.getConnection()) {
			for (int i = 0; i < loggers.size(); i++) {
				exec(db, "INSERT INTO account (clinic_id, id, email, password_hash, role, client_id, email_confirmed_at) SELECT "
						+ c + ", gen_random_uuid(), 'home-" + (i + 1) + "@bench.example', password_hash, 'CLIENT', '"
						+ loggers.get(i) + "', now() FROM account WHERE email = 'bench-admin@bench.example'");
			}
		}
		for (int i = 0; i < loggers.size(); i++) {
			tokens.add(token("home-" + (i + 1) + "@bench.example"));
		}
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
		figure("homecare", "SQL statements per log entry", "count",
				postStatements(tokens.get(0), "/api/v1/clients/" + loggers.get(0) + "/home-log",
						"{\"item\": \"walk\", \"day\": \"" + today + "\", \"done\": true, \"pain\": 3}"));
		double[] one = logLatencies(tokens.subList(0, 1), loggers, today, Math.max(3, this.seconds / 2));
		// The floors of one client on this machine, in the same run: a read that writes
		// nothing, and an audited read (which commits its audit entry as a log commits).
		double[] floorOne = apiLatencies(tokens.get(0), "/api/v1/me", 1, Math.max(3, this.seconds / 2));
		double[] auditedOne = apiLatencies(tokens.get(0), "/api/v1/clients/" + loggers.get(0) + "/home-plan", 1,
				Math.max(3, this.seconds / 2));
		figure("homecare", "floor: GET /api/v1/me, 1 client, p50", "ms", floorOne[0]);
		figure("homecare", "audited read: GET …/home-plan, 1 client, p50", "ms", auditedOne[0]);
		figure("homecare", "audited read: GET …/home-plan, 1 client, p99", "ms", auditedOne[1]);
		double[] many = logLatencies(tokens, loggers, today, this.seconds);
		double[] floor = apiLatencies(tokens.get(0), "/api/v1/me", 32, Math.max(3, this.seconds / 2));
		figure("homecare", "log an item, 1 client, p50", "ms", one[0]);
		figure("homecare", "log an item, 1 client, p99", "ms", one[1]);
		figure("homecare", "log an item, 32 clients at once, p50", "ms", many[0]);
		figure("homecare", "log an item, 32 clients at once, p99 (goal ≤ 50)", "ms", many[1]);
		figure("homecare", "log an item, 32 clients at once, entries/s", "1/s", many[2]);
		figure("homecare", "log entries not 201", "count", many[3]);
		figure("homecare", "floor: GET /api/v1/me at 32, p50", "ms", floor[0]);
		figure("homecare", "floor: GET /api/v1/me at 32, p99", "ms", floor[1]);
		figure("homecare", "ratio log p99 ÷ floor p99, at 32", "ratio", many[1] / floor[1]);

		// The planning run: made due now; done when every client's two days are claimed.
		// Its own duration is BackCare's timer (backcare.homecare.reminder.planning) for
		// that run; the rest of the wait is the nodes' polling (every 10 s).
		double[] before = planningTimer();
		long started;
		try (Connection db = this.pool.getConnection()) {
			exec(db, "DELETE FROM home_reminder_day");
			started = System.nanoTime();
			exec(db, "UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'home-care-reminder-planning'");
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		try (Connection db = this.pool.getConnection()) {
			while (System.nanoTime() < deadline) {
				long days = single(db, "SELECT count(*) FROM home_reminder_day d JOIN home_client h ON h.id = d.client_id");
				if (days >= 20_000) {
					break;
				}
				Thread.sleep(20);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			double[] after = planningTimer();
			while (after[1] == before[1] && System.nanoTime() < deadline) {
				Thread.sleep(50);
				after = planningTimer();
			}
			long planned = single(db, "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'home-care-reminder'");
			figure("homecare", "a day's reminders for 10,000 clients: the planning run (goal ≤ 10)", "s",
					(after[0] - before[0]) / (after[1] - before[1]));
			figure("homecare", "the same, made due to committed (with up to 10 s of polling)", "s", seconds);
			figure("homecare", "reminders planned for today and tomorrow", "count", planned);
		}
	}

	/** BackCare's planning timer: total seconds and runs so far. */
	double[] planningTimer() throws Exception {
		String text = metrics();
		double sum = 0;
		double count = 0;
		for (String line : text.split("\n")) {
			if (line.startsWith("backcare_homecare_reminder_planning_seconds_sum")) {
				sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
			else if (line.startsWith("backcare_homecare_reminder_planning_seconds_count")) {
				count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return new double[] { sum, count };
	}

	/** Each token's client logs a walk for today, again and again; p50, p99, entries/s, failures. */
	double[] logLatencies(List<String> tokens, List<UUID> clients, String day, int seconds) throws Exception {
		String body = "{\"item\": \"walk\", \"day\": \"" + day + "\", \"done\": true, \"pain\": 3}";
		for (int i = 0; i < tokens.size(); i++) {
			post(tokens.get(i), "/api/v1/clients/" + clients.get(i) + "/home-log", body);
		}
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService workers = Executors.newFixedThreadPool(tokens.size());
		List<Future<Long>> parts = new ArrayList<>();
		java.util.concurrent.ConcurrentLinkedQueue<Long> times = new java.util.concurrent.ConcurrentLinkedQueue<>();
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			String path = "/api/v1/clients/" + clients.get(i) + "/home-log";
			parts.add(workers.submit(() -> {
				long failed = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					if (post(token, path, body) != 201) {
						failed++;
					}
					times.add(System.nanoTime() - t0);
				}
				return failed;
			}));
		}
		long failed = 0;
		for (Future<Long> part : parts) {
			failed += part.get();
		}
		workers.shutdown();
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		return new double[] { sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6,
				sorted.length / (double) seconds, failed };
	}

	// ------------------------------------------------------------------ mail

	/**
	 * Mail: how fast the delivery job drains the outbox into the embedded mail server
	 * (messages/s), and how long a message waits from its commit to its delivery (p50,
	 * p99) with messages written at a steady 25/s, first with one node, then with a second
	 * node on the same database (each node delivers to its own embedded server). And the
	 * cost of mail to booking: bookings/s with session mail and reminders on, and after a
	 * restart with them off ({@code backcare.mail.session-notices=false}), as a ratio.
	 */
	void mail(Seeded clinic) throws Exception {
		// Each measured run follows a discarded one on the same fresh node, so both are
		// measured warm; mail of the warm-up runs is delivered before the next starts.
		restartApp();
		bookings(clinic, token(), 8);
		awaitOutboxEmpty(Duration.ofMinutes(5));
		BookingRun on = bookings(clinic, token(), 8);
		restartApp("--backcare.mail.session-notices=false");
		bookings(clinic, token(), 8);
		BookingRun off = bookings(clinic, token(), 8);
		restartApp();
		figure("mail", "bookings/s with session mail on, 8 clients", "1/s", on.created / (double) this.seconds);
		figure("mail", "bookings/s with session mail off, 8 clients", "1/s", off.created / (double) this.seconds);
		figure("mail", "ratio bookings/s mail on ÷ off (goal ≥ 0.9)", "ratio", on.created / (double) off.created);
		awaitOutboxEmpty(Duration.ofMinutes(5));

		mailFigures(clinic.clinic(), "1 node");
		Process second = startNode(freePort(), "bench-app-2.log");
		try {
			mailFigures(clinic.clinic(), "2 nodes");
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
		}
	}

	void mailFigures(UUID clinic, String label) throws Exception {
		int backlog = 2_000;
		try (Connection db = this.pool.getConnection();
				PreparedStatement insert = db.prepareStatement(MAIL_INSERT)) {
			db.setAutoCommit(false);
			for (int i = 0; i < backlog; i++) {
				insert.setObject(1, clinic);
				insert.setString(2, "bench-" + i + "@bench.example");
				insert.addBatch();
			}
			insert.executeBatch();
			db.commit();
			db.setAutoCommit(true);
		}
		long started = System.nanoTime();
		awaitOutboxEmpty(Duration.ofMinutes(10));
		double seconds = (System.nanoTime() - started) / 1e9;
		figure("mail", "delivery throughput, backlog of " + backlog + ", " + label, "1/s", backlog / seconds);

		// Steady load: 25 messages a second, each committed on its own.
		String marker = "paced-" + UUID.randomUUID();
		long until = System.nanoTime() + Duration.ofSeconds(this.seconds).toNanos();
		try (Connection db = this.pool.getConnection();
				PreparedStatement insert = db.prepareStatement(MAIL_INSERT.replace("'bench'", "?"))) {
			while (System.nanoTime() < until) {
				insert.setObject(1, clinic);
				insert.setString(2, "paced@bench.example");
				insert.setString(3, marker);
				insert.executeUpdate();
				Thread.sleep(40);
			}
		}
		awaitOutboxEmpty(Duration.ofMinutes(5));
		try (Connection db = this.pool.getConnection();
				PreparedStatement delays = db.prepareStatement("""
						SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)),
						       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at))
						FROM mail_message WHERE subject = ?""")) {
			delays.setString(1, marker);
			try (ResultSet rs = delays.executeQuery()) {
				rs.next();
				figure("mail", "commit to delivery p50, 25/s, " + label, "ms", rs.getDouble(1) * 1000);
				figure("mail", "commit to delivery p99, 25/s, " + label, "ms", rs.getDouble(2) * 1000);
			}
		}
	}

	static final String MAIL_INSERT = """
			INSERT INTO mail_message (id, clinic_id, kind, recipient, subject, body_text, body_html)
			VALUES (gen_random_uuid(), ?, 'BENCH', ?, 'bench', 'A message of the benchmark.', '<p>A message of the benchmark.</p>')""";

	void awaitOutboxEmpty(Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		try (Connection db = this.pool.getConnection();
				PreparedStatement waiting = db.prepareStatement(
						"SELECT count(*) FROM mail_message WHERE sent_at IS NULL AND failed_at IS NULL")) {
			while (System.nanoTime() < deadline) {
				try (ResultSet rs = waiting.executeQuery()) {
					rs.next();
					if (rs.getLong(1) == 0) {
						return;
					}
				}
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException("The outbox did not empty within " + limit);
	}

	void restartApp(String... settings) throws Exception {
		this.app.destroy();
		this.app.waitFor(30, TimeUnit.SECONDS);
		this.app = startNode(this.appPort, "bench-app.log", settings);
	}

	// ------------------------------------------------------------------ start-up

	/**
	 * BackCare as {@code java -jar} runs it by default (its own embedded PostgreSQL, the demo
	 * clinic), timed from process start to ready: the very first start (a new data directory:
	 * initdb, every migration, the demo clinic), then second starts on the same data: the
	 * packaged jar as built, the jar extracted ({@code -Djarmode=tools extract}), and extracted
	 * with a class-data-sharing archive from one training run ({@code -XX:ArchiveClassesAtExit},
	 * started to ready and stopped), as Spring Boot documents them. Second starts: the median of
	 * three.
	 */
	void startup() throws Exception {
		Path work = Files.createTempDirectory("backcare-startup");
		Path data = work.resolve("pg");
		String jarPath = this.jar.toAbsolutePath().toString();
		figure("startup", "first start of the packaged jar: new embedded database, demo clinic (goal ≤ 15 s)", "ms",
				timeToReady(data, "-jar", jarPath));
		figure("startup", "second start, packaged jar as built", "ms", median(() -> timeToReady(data, "-jar", jarPath)));
		Path app = work.resolve("app");
		run(java(), "-Djarmode=tools", "-jar", jarPath, "extract", "--destination", app.toString());
		String extracted = app.resolve(this.jar.getFileName()).toString();
		figure("startup", "second start, jar extracted", "ms", median(() -> timeToReady(data, "-jar", extracted)));
		String archive = app.resolve("backcare.jsa").toString();
		// The training run: started to ready and stopped as any start (not at
		// -Dspring.context.exit=onRefresh, which ends the JVM without closing BackCare and
		// leaves its PostgreSQL running); the archive is written as the JVM exits.
		timeToReady(data, "-XX:ArchiveClassesAtExit=" + archive, "-jar", extracted);
		figure("startup", "second start, jar extracted with class-data sharing (goal ≤ 5 s)", "ms",
				median(() -> timeToReady(data, "-XX:SharedArchiveFile=" + archive, "-jar", extracted)));
		aotCacheJava().ifPresentOrElse(java -> {
			try {
				String cache = app.resolve("backcare.aot").toString();
				figure("startup", "second start, jar extracted, on " + java.version(), "ms",
						median(() -> timeToReady(java.binary(), data, "-jar", extracted)));
				timeToReady(java.binary(), data, "-XX:AOTCacheOutput=" + cache, "-jar", extracted);
				figure("startup", "second start, jar extracted with the AOT cache, on " + java.version() + " (goal ≤ 5 s)",
						"ms", median(() -> timeToReady(java.binary(), data, "-XX:AOTCache=" + cache, "-jar", extracted)));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, () -> System.out.println("(no Java 25 or later found for the AOT cache: set BENCH_AOT_JAVA to its java)"));
	}

	record Jvm(String binary, String version) {
	}

	/**
	 * A Java 25 or later for the JVM's AOT cache, which Spring Boot recommends over CDS from
	 * Java 25: {@code BENCH_AOT_JAVA}, else the first one installed under /usr/lib/jvm.
	 */
	static Optional<Jvm> aotCacheJava() throws IOException {
		List<Path> homes = new ArrayList<>();
		String chosen = System.getenv("BENCH_AOT_JAVA");
		if (chosen != null && !chosen.isBlank()) {
			homes.add(Path.of(chosen).toAbsolutePath().getParent().getParent());
		}
		else if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
			try (var installed = Files.list(Path.of("/usr/lib/jvm"))) {
				installed.sorted().forEach(homes::add);
			}
		}
		for (Path home : homes) {
			Path release = home.resolve("release");
			if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
				continue;
			}
			Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)[^\"]*\"").matcher(Files.readString(release));
			if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
				return Optional.of(new Jvm(home.resolve("bin/java").toString(), "Java " + version.group(1)));
			}
		}
		return Optional.empty();
	}

	interface Timed {

		double ms() throws Exception;

	}

	static double median(Timed timed) throws Exception {
		double[] times = { timed.ms(), timed.ms(), timed.ms() };
		Arrays.sort(times);
		return times[1];
	}

	/** Starts BackCare with its own embedded database in {@code data}; ms until ready; stops it. */
	double timeToReady(Path data, String... launch) throws Exception {
		return timeToReady(java(), data, launch);
	}

	double timeToReady(String java, Path data, String... launch) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(List.of(launch));
		command.addAll(List.of("--server.port=" + port, "--backcare.embedded-database.data-directory=" + data,
				"--logging.level.root=WARN", "--logging.level.io.zonky=INFO"));
		long started = System.nanoTime();
		Process node = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", "bench-startup.log").toFile())
			.start();
		try {
			URI ready = URI.create("http://localhost:" + port + "/actuator/health/readiness");
			while (System.nanoTime() - started < Duration.ofSeconds(120).toNanos()) {
				try {
					if (this.http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200) {
						return (System.nanoTime() - started) / 1e6;
					}
				}
				catch (IOException notYet) {
					// starting
				}
				Thread.sleep(20);
			}
			throw new IllegalStateException("BackCare did not start; see target/bench-startup.log");
		}
		finally {
			node.destroy();
			node.waitFor(60, TimeUnit.SECONDS);
			awaitStopped(data);
		}
	}

	/** BackCare's PostgreSQL stops just after it: the next start needs the data directory free. */
	static void awaitStopped(Path data) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (Files.exists(data.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		if (Files.exists(data.resolve("postmaster.pid"))) {
			throw new IllegalStateException("BackCare's PostgreSQL did not stop; see target/bench-startup.log");
		}
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", "bench-startup-tools.log").toFile())
			.start();
		if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed; see target/bench-startup-tools.log");
		}
	}

	// ------------------------------------------------------------------ the application

	void startApp() throws Exception {
		this.appPort = freePort();
		this.app = startNode(this.appPort, "bench-app.log");
	}

	/** A BackCare node on the port, against the bench's database; ready when this returns. */
	Process startNode(int port, String log, String... settings) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + this.appHeapMiB + "m",
				// Every pause, stamped with the JVM's uptime: the tail of a run is read from it.
				"-Xlog:gc:file=target/" + log.replace(".log", "-gc.log") + ":uptimemillis"));
		// e.g. BENCH_APP_JVM_ARGS="-XX:StartFlightRecording=filename=target/bench.jfr" to profile BackCare.
		String extra = System.getenv("BENCH_APP_JVM_ARGS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(Arrays.asList(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", this.jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.datasource.hikari.maximum-pool-size=32", "--backcare.demo.enabled=false",
				"--backcare.first-admin.email=bench-admin@bench.example", "--backcare.first-admin.password=" + PASSWORD,
				"--backcare.first-admin.clinic-name=Bench clinic", "--backcare.first-admin.clinic-time-zone=Europe/Berlin",
				// The bench signs in over plain HTTP on loopback: the session cookie may not be Secure here.
				"--server.servlet.session.cookie.secure=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				// Buckets of BackCare's own request times, so the bench can read the server's p99 per page.
				"--management.metrics.distribution.percentiles-histogram.http.server.requests=true"));
		command.addAll(Arrays.asList(settings));
		Process node = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", log).toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (this.http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
							.build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return node;
				}
			}
			catch (IOException notYet) {
				// starting
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("BackCare did not start; see target/" + log);
	}

	String token() throws Exception {
		return token("bench-admin@bench.example");
	}

	String token(String email) throws Exception {
		String body = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(body);
		if (!token.find()) {
			throw new IllegalStateException("No token: " + body);
		}
		return token.group(1);
	}

	/** BackCare's Prometheus page, or nothing while it cannot answer. */
	String metrics() {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException | InterruptedException ex) {
			return "";
		}
	}

	/** A metric's labels up to its closing brace: a label's quoted value may hold braces ({@code uri="/clients/{id}"}). */
	static final String LABELS = "(?:[^}\"]|\"[^\"]*\")*";

	/** The sum of the values of every metric line matching {@code line} (its value the last group). */
	static double sumOf(String metrics, String line) {
		double sum = 0;
		Matcher found = Pattern.compile(line + " ([0-9.E+-]+)").matcher(metrics);
		while (found.find()) {
			sum += Double.parseDouble(found.group(found.groupCount()));
		}
		return sum;
	}

	double heapMiB() {
		return sumOf(metrics(), "jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\}") / (1024 * 1024);
	}

	/**
	 * BackCare's own time for the requests to a URI so far (Micrometer's
	 * {@code http_server_requests_seconds}, summed over methods and statuses): {count, seconds}.
	 * The difference of two readings is the server's mean time over what lay between, without the
	 * load driver's share.
	 */
	double[] serverTime(String uri) {
		String metrics = metrics();
		String labels = "\\{" + LABELS + "uri=\"" + Pattern.quote(uri) + "\"" + LABELS + "\\}";
		return new double[] { sumOf(metrics, "http_server_requests_seconds_count" + labels),
				sumOf(metrics, "http_server_requests_seconds_sum" + labels) };
	}

	/** The server's mean milliseconds per request between two readings of {@link #serverTime}. */
	static double meanMs(double[] before, double[] after) {
		double count = after[0] - before[0];
		return (count == 0) ? 0 : 1000 * (after[1] - before[1]) / count;
	}

	/** BackCare's JVM uptime (ms), the clock of its GC log. */
	double uptimeMs() {
		return sumOf(metrics(), "process_uptime_seconds(?:\\{[^}]*\\})?") * 1000;
	}

	/** The GC pauses BackCare logged between two uptimes: {count, longest ms}. */
	double[] gcPauses(double fromMs, double toMs) throws IOException {
		Pattern pause = Pattern.compile("^\\[(\\d+)ms\\] GC\\(\\d+\\) Pause .* ([0-9.]+)ms$");
		double count = 0;
		double longest = 0;
		for (String line : Files.readAllLines(Path.of("target", "bench-app-gc.log"))) {
			Matcher found = pause.matcher(line);
			if (found.matches()) {
				double at = Double.parseDouble(found.group(1));
				if (at >= fromMs && at <= toMs) {
					count++;
					longest = Math.max(longest, Double.parseDouble(found.group(2)));
				}
			}
		}
		return new double[] { count, longest };
	}

	double rssMiB() {
		try {
			return Files.readAllLines(Path.of("/proc/" + this.app.pid() + "/status"))
				.stream()
				.filter(line -> line.startsWith("VmRSS:"))
				.mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024)
				.findFirst()
				.orElse(0);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	long overlaps() throws SQLException {
		try (Connection db = this.pool.getConnection()) {
			return single(db, """
					SELECT (SELECT count(*) FROM appointment a JOIN appointment b ON a.therapist_id = b.therapist_id AND a.id < b.id
					          AND a.status = 'BOOKED' AND b.status = 'BOOKED'
					          AND tstzrange(a.starts_at, a.blocked_until) && tstzrange(b.starts_at, b.blocked_until))
					     + (SELECT count(*) FROM appointment a JOIN appointment b ON a.client_id = b.client_id AND a.id < b.id
					          AND a.status = 'BOOKED' AND b.status = 'BOOKED'
					          AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at))""");
		}
	}

	String base() {
		return "http://localhost:" + this.appPort;
	}

	void stop() throws IOException {
		if (this.app != null) {
			this.app.destroy();
			try {
				this.app.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.pool != null) {
			this.pool.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	// ------------------------------------------------------------------ output

	static void figure(String group, String name, String unit, double value) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("group", group);
		figure.put("figure", name);
		figure.put("unit", unit);
		figure.put("value", value);
		FIGURES.add(figure);
		System.out.printf(Locale.ROOT, "{\"group\":\"%s\",\"figure\":\"%s\",\"unit\":\"%s\",\"value\":%.3f}%n", group, name, unit,
				value);
	}

	static void printTable() {
		System.out.println();
		System.out.printf("| %-12s | %-62s | %12s | %-5s |%n", "group", "figure", "value", "unit");
		System.out.println("|" + "-".repeat(14) + "|" + "-".repeat(64) + "|" + "-".repeat(14) + "|" + "-".repeat(7) + "|");
		for (Map<String, Object> figure : FIGURES) {
			System.out.printf(Locale.ROOT, "| %-12s | %-62s | %12.3f | %-5s |%n", figure.get("group"), figure.get("figure"),
					(Double) figure.get("value"), figure.get("unit"));
		}
	}

	static HikariDataSource pool(DataSource unpooled, int size) {
		HikariDataSource pool = new HikariDataSource();
		pool.setDataSource(unpooled);
		pool.setMaximumPoolSize(size);
		return pool;
	}

	static void exec(Connection db, String sql) throws SQLException {
		try (var statement = db.createStatement()) {
			statement.execute(sql);
		}
	}

	static <T> T single(Connection db, String sql) throws SQLException {
		try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			@SuppressWarnings("unchecked")
			T value = (T) rows.getObject(1);
			return value;
		}
	}

	static List<UUID> list(Connection db, String sql) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
