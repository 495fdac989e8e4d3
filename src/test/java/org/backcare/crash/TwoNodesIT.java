package org.backcare.crash;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No behaviour depends on a single node. Two BackCare processes share one PostgreSQL and
 * one SMTP server (GreenMail, started here). First a node is killed after bookings
 * committed and before their mail was delivered (its delivery held back), and its
 * reminders fall due while it is down: after it restarts, each goes out exactly once.
 * Then both nodes run: sessions are booked, moved and cancelled through either, every
 * planned reminder is made due at once so both nodes' schedulers race for them, and the
 * mail server must have received exactly one booking mail per session, one move mail per
 * move, one cancellation per cancellation and one reminder per lead time of each session
 * still booked, none for a cancelled one, and no message twice. Then the demo client's
 * home-care reminders all fall due at once on both nodes: each is mailed exactly once.
 * Last, what each node keeps in memory (a therapist, the account behind a token) ends on
 * the other as a change commits: an ended licence and a sign-out hold there at once.
 */
class TwoNodesIT {

	static final Pattern MESSAGE_ID = Pattern.compile("<([0-9a-f-]{36})@backcare>");

	@TempDir
	Path work;

	EmbeddedPostgres postgres;

	GreenMail smtp;

	final List<BackCareProcess> nodes = new ArrayList<>();

	@AfterEach
	void stopEverything() throws Exception {
		for (BackCareProcess node : this.nodes) {
			node.close();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void everyInviteAndReminderIsDeliveredExactlyOnce_throughAKilledNodeAndAcrossTwo() throws Exception {
		int postgresPort = BackCareProcess.freePort();
		this.postgres = BackCareProcess.postgres(this.work.resolve("pgdata")).setPort(postgresPort).start();
		JdbcClient jdbc = JdbcClient.create(this.postgres.getPostgresDatabase());
		this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		this.smtp.start();
		int portA = BackCareProcess.freePort();
		int portB = BackCareProcess.freePort();

		// 1. Node A books and is killed before it delivers anything.
		BackCareProcess a = node("a-held", portA, postgresPort, "--backcare.mail.poll-interval=1h");
		String token = a.adminToken();
		List<String[]> slots = oneADay(a.freeSlots(jdbc, LocalDate.now().plusDays(3), 14));
		assertThat(slots).as("free slots in the demo clinic").hasSizeGreaterThan(30);
		Map<String, String[]> sessions = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			book(a, token, jdbc, slots.remove(0), sessions);
		}
		assertThat(unsent(jdbc, sessions.keySet())).as("committed, not delivered").isEqualTo(3);
		a.kill();
		this.nodes.remove(a);

		// 2. Both nodes, sharing the work.
		BackCareProcess restarted = node("a", portA, postgresPort);
		BackCareProcess b = node("b", portB, postgresPort);
		List<BackCareProcess> both = List.of(restarted, b);
		Set<String> moved = new HashSet<>();
		Set<String> cancelled = new HashSet<>();
		for (int i = 0; i < 10; i++) {
			book(both.get(i % 2), token, jdbc, slots.remove(0), sessions);
		}
		List<String> ids = new ArrayList<>(sessions.keySet());
		for (int i = 3; i < 7; i++) {
			String id = ids.get(i);
			String[] to = anotherSlotOf(sessions.get(id)[0], slots);
			HttpResponse<String> response = both.get(i % 2)
				.post(token, "/api/v1/appointments/" + id + "/reschedule", "{\"start\": \"" + to[1] + "\"}");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			moved.add(id);
		}
		for (int i = 6; i < 9; i++) {
			String id = ids.get(i);
			HttpResponse<String> response = both.get((i + 1) % 2)
				.post(token, "/api/v1/appointments/" + id + "/cancel", "{\"reason\": \"Two-node test\"}");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			cancelled.add(id);
		}
		// Reminders are planned by a periodic run (here every two seconds, a month
		// ahead, on one node at a time): once every session's are, all fall due at once.
		List<String> current = new ArrayList<>();
		for (String id : sessions.keySet()) {
			if (!cancelled.contains(id)) {
				String version = moved.contains(id) ? "v1" : "v0";
				current.add(id + "/" + version + "/48h");
				current.add(id + "/" + version + "/2h");
			}
		}
		awaitPlanned(jdbc, current);
		makeRemindersDue(jdbc, sessions.keySet());

		Map<String, Integer> expected = new HashMap<>();
		for (String id : sessions.keySet()) {
			if (cancelled.contains(id)) {
				expected.merge(id + " SESSION_CANCELLED", 1, Integer::sum);
				continue;
			}
			expected.merge(id + " SESSION_BOOKED", 1, Integer::sum);
			if (moved.contains(id)) {
				expected.merge(id + " SESSION_MOVED", 1, Integer::sum);
			}
			// 48 and 2 hours before: the clinic's default.
			expected.merge(id + " SESSION_REMINDER", 2, Integer::sum);
		}
		int total = expected.values().stream().mapToInt(Integer::intValue).sum();
		Map<String, Integer> received = awaitReceived(jdbc, sessions.keySet(), total);
		// A cancelled session's booking (and move) mail went out once if it was
		// delivered before the cancellation, and not at all if it was still waiting
		// then (SessionMail drops it: the cancellation tells the client).
		for (String id : cancelled) {
			for (String kind : List.of(" SESSION_BOOKED", " SESSION_MOVED")) {
				Integer sent = received.remove(id + kind);
				assertThat(sent).as(id + kind).isIn(null, 1);
				if (sent != null) {
					assertThat(kind.equals(" SESSION_BOOKED") || moved.contains(id)).as(id + kind).isTrue();
				}
			}
		}
		assertThat(received).isEqualTo(expected);
		// And each reminder of the session as it stands: 48 and 2 hours before, at its
		// last version (a moved session's old reminders sent nothing).
		List<String> reminders = current.stream().map(name -> "REMINDER/" + name).toList();
		assertThat(jdbc.sql(
				"SELECT dedup_key FROM mail_message WHERE kind = 'SESSION_REMINDER' AND sent_at IS NOT NULL AND about_id::text = ANY (string_to_array(?, ','))")
			.param(String.join(",", sessions.keySet()))
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(reminders);
		assertThat(unsent(jdbc, sessions.keySet())).isZero();

		// 3. Home care: the demo's Maria set reminders (her walk, movement breaks and
		// heat
		// pack); every one planned for her today and tomorrow falls due at once, both
		// nodes' schedulers race for them, and each is mailed exactly once.
		List<String> planned = jdbc
			.sql("SELECT 'HOME_CARE/' || task_instance FROM scheduled_tasks "
					+ "WHERE task_name = 'home-care-reminder'")
			.query(String.class)
			.list();
		assertThat(planned).as("Maria's reminders planned by the demo").isNotEmpty();
		// (One may have come due by the clock meanwhile and gone already.)
		Set<String> homeCare = new java.util.LinkedHashSet<>(planned);
		homeCare.addAll(jdbc.sql("SELECT dedup_key FROM mail_message WHERE kind = 'HOME_CARE_REMINDER'")
			.query(String.class)
			.list());
		planned = new ArrayList<>(homeCare);
		jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'home-care-reminder'").update();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (sentHomeCare(jdbc) < planned.size() && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		// Anything written or sent twice would show within the next polls of either node.
		Thread.sleep(5000);
		assertThat(
				jdbc.sql("SELECT dedup_key FROM mail_message WHERE kind = 'HOME_CARE_REMINDER' AND sent_at IS NOT NULL")
					.query(String.class)
					.list())
			.containsExactlyInAnyOrderElementsOf(planned);
		Map<String, Integer> byKey = new HashMap<>();
		Set<UUID> seen = new HashSet<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			Matcher id = MESSAGE_ID.matcher(message.getMessageID());
			assertThat(id.matches()).as(message.getMessageID()).isTrue();
			UUID outbox = UUID.fromString(id.group(1));
			assertThat(seen.add(outbox)).as("message " + outbox + " received twice").isTrue();
			jdbc.sql("SELECT dedup_key FROM mail_message WHERE id = ? AND kind = 'HOME_CARE_REMINDER'")
				.param(outbox)
				.query(String.class)
				.optional()
				.ifPresent(key -> byKey.merge(key, 1, Integer::sum));
		}
		assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(planned);
		assertThat(byKey.values()).as("each reminder received once").containsOnly(1);

		// 4. What each node keeps in memory ends on both as a change commits on either.
		// Node B books with a therapist (keeping them, and the admin's account behind the
		// token); node A ends every licence of the therapist today: B refuses them for
		// later days at once.
		String[] first = slots.remove(0);
		book(b, token, jdbc, first, sessions);
		String therapist = first[0];
		String[] later = anotherSlotOf(therapist, slots);
		for (Map<String, Object> licence : jdbc
			.sql("SELECT jurisdiction, number FROM licence WHERE therapist_id = ?::uuid")
			.param(therapist)
			.query()
			.listOfRows()) {
			HttpResponse<String> ended = restarted.post(token,
					"/api/v1/admin/therapists/" + therapist + "/licences/end",
					"{\"jurisdiction\": \"" + licence.get("jurisdiction") + "\", \"number\": \"" + licence.get("number")
							+ "\", \"validUntil\": \"" + LocalDate.now() + "\"}");
			assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
		}
		String laterBooking = "{\"clientId\": \"" + BackCareProcess.newClient(jdbc) + "\", \"therapistId\": \""
				+ therapist + "\", \"service\": \"TREATMENT_60\", \"start\": \"" + later[1] + "\"}";
		HttpResponse<String> refused = untilAnswered(422, () -> b.post(token, "/api/v1/appointments", laterBooking));
		assertThat(refused.body()).contains("licence-not-valid");
		// The admin signs out on node A: node B refuses the token at once.
		assertThat(b.get(token, "/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(restarted.post(token, "/api/v1/auth/logout", "").statusCode()).isEqualTo(204);
		untilAnswered(401, () -> b.get(token, "/api/v1/me"));
	}

	/**
	 * The first answer with the status, asked again until then: a change reaches the
	 * other node as the database announces it, in milliseconds; more than a second fails.
	 */
	private static HttpResponse<String> untilAnswered(int status, Request request) throws Exception {
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response = request.send();
			long waited = (System.nanoTime() - started) / 1_000_000;
			if (response.statusCode() == status) {
				System.out.println("Answered " + status + " on the other node at attempt " + attempt + ", " + waited
						+ " ms after the change");
				return response;
			}
			assertThat(waited).as("still answered %s: %s", response.statusCode(), response.body()).isLessThan(1000);
			Thread.sleep(10);
		}
	}

	@FunctionalInterface
	private interface Request {

		HttpResponse<String> send() throws Exception;

	}

	private static long sentHomeCare(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM mail_message WHERE kind = 'HOME_CARE_REMINDER' AND sent_at IS NOT NULL")
			.query(Long.class)
			.single();
	}

	private BackCareProcess node(String name, int port, int postgresPort, String... settings) throws Exception {
		List<String> all = new ArrayList<>(List.of("--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(), "--db-scheduler.polling-interval=1s",
				"--backcare.mail.reminder-planning=2s", "--backcare.mail.reminders-planned-ahead=30d"));
		all.addAll(List.of(settings));
		BackCareProcess node = BackCareProcess.start(name, port, postgresPort, all.toArray(String[]::new));
		this.nodes.add(node);
		return node;
	}

	private static void book(BackCareProcess node, String token, JdbcClient jdbc, String[] slot,
			Map<String, String[]> sessions) throws Exception {
		String client = BackCareProcess.newClient(jdbc);
		HttpResponse<String> response = node.post(token, "/api/v1/appointments",
				"{\"clientId\": \"" + client + "\", \"therapistId\": \"" + slot[0]
						+ "\", \"service\": \"TREATMENT_60\", \"start\": \"" + slot[1] + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		sessions.put(BackCareProcess.field(response.body(), "id"), slot);
	}

	/**
	 * The first free slot of each therapist's day, in a fixed random order: free slots
	 * lie a quarter hour apart, so two on one day could overlap.
	 */
	private static List<String[]> oneADay(List<String[]> slots) {
		Map<String, String[]> first = new LinkedHashMap<>();
		slots.forEach(slot -> first.putIfAbsent(slot[0] + slot[1].substring(0, 10), slot));
		// Mixed, so that sessions go to several therapists and each keeps days to move
		// to.
		List<String[]> mixed = new ArrayList<>(first.values());
		java.util.Collections.shuffle(mixed, new java.util.Random(42));
		return mixed;
	}

	/** A free slot of the same therapist on another day, taken from the list. */
	private static String[] anotherSlotOf(String therapist, List<String[]> slots) {
		for (int i = 0; i < slots.size(); i++) {
			if (slots.get(i)[0].equals(therapist)) {
				return slots.remove(i);
			}
		}
		throw new IllegalStateException("No free slot left for " + therapist);
	}

	/** Waits until the periodic planning has scheduled each of these reminders. */
	private static void awaitPlanned(JdbcClient jdbc, List<String> reminders) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long planned = 0;
		while (System.nanoTime() < deadline) {
			planned = jdbc.sql(
					"SELECT count(*) FROM scheduled_tasks WHERE task_name = 'session-reminder' AND task_instance = ANY (string_to_array(?, ','))")
				.param(String.join(",", reminders))
				.query(Long.class)
				.single();
			if (planned == reminders.size()) {
				return;
			}
			Thread.sleep(250);
		}
		assertThat(planned).as("reminders planned").isEqualTo(reminders.size());
	}

	/** Every reminder planned for these sessions falls due now. */
	private static void makeRemindersDue(JdbcClient jdbc, Set<String> sessions) {
		jdbc.sql(
				"""
						UPDATE scheduled_tasks SET execution_time = now()
						WHERE task_name = 'session-reminder' AND split_part(task_instance, '/', 1) = ANY (string_to_array(?, ','))""")
			.param(String.join(",", sessions))
			.update();
	}

	private static long unsent(JdbcClient jdbc, Set<String> sessions) {
		return jdbc.sql(
				"SELECT count(*) FROM mail_message WHERE sent_at IS NULL AND about_id::text = ANY (string_to_array(?, ','))")
			.param(String.join(",", sessions))
			.query(Long.class)
			.single();
	}

	/**
	 * What the mail server received about these sessions, as "session kind" → how many,
	 * once {@code total} arrived and a few more seconds brought no more; each message
	 * known by its Message-ID, the outbox row it was sent from, and none received twice.
	 */
	private Map<String, Integer> awaitReceived(JdbcClient jdbc, Set<String> sessions, int total) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		Map<String, Integer> received = received(jdbc, sessions);
		while (count(received) < total && System.nanoTime() < deadline) {
			Thread.sleep(250);
			received = received(jdbc, sessions);
		}
		// Anything sent twice would arrive within the next polls of either node.
		Thread.sleep(5000);
		return received(jdbc, sessions);
	}

	private Map<String, Integer> received(JdbcClient jdbc, Set<String> sessions) throws Exception {
		Set<UUID> seen = new HashSet<>();
		Map<String, Integer> received = new HashMap<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			Matcher id = MESSAGE_ID.matcher(message.getMessageID());
			assertThat(id.matches()).as(message.getMessageID()).isTrue();
			UUID outbox = UUID.fromString(id.group(1));
			assertThat(seen.add(outbox)).as("message " + outbox + " received twice").isTrue();
			jdbc.sql("SELECT about_id::text || ' ' || kind FROM mail_message WHERE id = ?")
				.param(outbox)
				.query(String.class)
				.optional()
				.filter(about -> sessions.contains(about.substring(0, 36)))
				.ifPresent(about -> received.merge(about, 1, Integer::sum));
		}
		return received;
	}

	private static int count(Map<String, Integer> received) {
		return received.values().stream().mapToInt(Integer::intValue).sum();
	}

}
