package org.backcare.homecare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.ReadAhead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

/** The home plans, the log and the reminders, as stored. */
@Repository
class HomeCareRepository {

	private final JdbcClient jdbc;

	private final ReadAhead<ClientId, List<HomePlan>> plansAhead = new ReadAhead<>();

	private final ReadAhead<ClientId, Optional<ZoneId>> zonesAhead = new ReadAhead<>();

	HomeCareRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a plan version; false when the writer's request key was used before (nothing
	 * written). The version number is unique per client: two therapists saving at once
	 * cannot both write version 3 (the second is told to reload).
	 */
	boolean insertPlan(HomePlan plan, UUID writtenBy, String requestKey) {
		int written = this.jdbc
			.sql("""
					INSERT INTO home_plan (clinic_id, id, client_id, version, written_at, written_by, written_by_name, note, request_key)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (written_by, request_key) WHERE request_key IS NOT NULL DO NOTHING""")
			.params(plan.clinicId().value(), plan.id(), plan.clientId().value(), plan.version(), utc(plan.writtenAt()),
					writtenBy, plan.writtenBy(), plan.note(), requestKey)
			.update();
		if (written == 0) {
			return false;
		}
		int position = 0;
		for (HomeItem item : plan.items()) {
			this.jdbc
				.sql("""
						INSERT INTO home_plan_item (clinic_id, plan_id, item, position, kind, title, instruction, times_per_day,
						                            days_per_week, minutes, safety)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(plan.clinicId().value(), plan.id(), item.item(), position++, item.kind().name(), item.title(),
						item.instruction(), item.timesPerDay(), item.daysPerWeek(), item.minutes(),
						String.join("\n", item.safety()))
				.update();
		}
		return true;
	}

	Optional<UUID> planByRequestKey(UUID writtenBy, String requestKey) {
		return this.jdbc.sql("SELECT id FROM home_plan WHERE written_by = ? AND request_key = ?")
			.params(writtenBy, requestKey)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Reads the plans (every version) and reminder zones of all the clients in two
	 * statements, for this transaction's {@link #plans(ClientId)} and {@link #zone} to
	 * answer from.
	 */
	void readAhead(Collection<ClientId> clients) {
		UUID[] ids = clients.stream().map(ClientId::value).toArray(UUID[]::new);
		this.plansAhead.keep(ReadAhead.byKey(clients, plans("p.client_id = ANY (?)", ids), HomePlan::clientId));
		Map<ClientId, Optional<ZoneId>> zones = new HashMap<>();
		clients.forEach(client -> zones.put(client, Optional.empty()));
		this.jdbc.sql("SELECT client_id, zone FROM home_reminder_setting WHERE client_id = ANY (?)")
			.param(ids)
			.query(rs -> {
				zones.put(new ClientId(rs.getObject(1, UUID.class)), Optional.of(ZoneId.of(rs.getString(2))));
			});
		this.zonesAhead.keep(zones);
	}

	/** Every version of the client's plan, the latest first. */
	List<HomePlan> plans(ClientId client) {
		Optional<List<HomePlan>> kept = this.plansAhead.kept(client);
		if (kept.isPresent()) {
			return kept.get();
		}
		return plans("p.client_id = ?", client.value());
	}

	/** The plan in force: the latest version (one version read, not all). */
	Optional<HomePlan> latestPlan(ClientId client) {
		return plans(
				"p.client_id = ? AND p.version = (SELECT max(version) FROM home_plan WHERE client_id = p.client_id)",
				client.value())
			.stream()
			.findFirst();
	}

	private List<HomePlan> plans(String where, Object param) {
		Map<UUID, HomePlan> plans = new LinkedHashMap<>();
		Map<UUID, List<HomeItem>> items = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT p.clinic_id, p.id, p.client_id, p.version, p.written_at, p.written_by_name, p.note,
				       i.item, i.kind, i.title, i.instruction, i.times_per_day, i.days_per_week, i.minutes, i.safety
				FROM home_plan p LEFT JOIN home_plan_item i ON i.clinic_id = p.clinic_id AND i.plan_id = p.id
				WHERE """ + " " + where + " ORDER BY p.version DESC, i.position").param(param).query(rs -> {
			UUID id = rs.getObject("id", UUID.class);
			plans.computeIfAbsent(id, key -> plan(rs, key));
			List<HomeItem> of = items.computeIfAbsent(id, key -> new ArrayList<>());
			if (rs.getString("item") != null) {
				of.add(item(rs));
			}
		});
		return plans.values()
			.stream()
			.map(plan -> new HomePlan(plan.clinicId(), plan.id(), plan.clientId(), plan.version(), plan.writtenAt(),
					plan.writtenBy(), plan.note(), items.get(plan.id())))
			.toList();
	}

	private static HomePlan plan(ResultSet rs, UUID id) {
		try {
			return new HomePlan(new ClinicId(rs.getObject("clinic_id", UUID.class)), id,
					new ClientId(rs.getObject("client_id", UUID.class)), rs.getInt("version"),
					instant(rs, "written_at"), rs.getString("written_by_name"), rs.getString("note"), List.of());
		}
		catch (SQLException failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static HomeItem item(ResultSet rs) throws SQLException {
		String safety = rs.getString("safety");
		return new HomeItem(rs.getString("item"), HomeItemKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("instruction"), (Integer) rs.getObject("times_per_day", Integer.class),
				rs.getObject("days_per_week", Integer.class), rs.getObject("minutes", Integer.class),
				safety.isEmpty() ? List.of() : Arrays.asList(safety.split("\n")));
	}

	/**
	 * What a log entry is checked against, in one statement: the items of the plan in
	 * force, and when the first plan was written (empty without a plan).
	 */
	record PlanInForce(java.util.Set<String> items, Instant firstWrittenAt) {
	}

	Optional<PlanInForce> planInForce(ClientId client) {
		java.util.Set<String> items = new java.util.HashSet<>();
		Instant[] first = new Instant[1];
		this.jdbc.sql("""
				SELECT f.first_at, i.item
				FROM (SELECT min(written_at) AS first_at, max(version) AS version FROM home_plan WHERE client_id = ?) f
				JOIN home_plan p ON p.client_id = ? AND p.version = f.version
				JOIN home_plan_item i ON i.clinic_id = p.clinic_id AND i.plan_id = p.id""")
			.params(client.value(), client.value())
			.query(rs -> {
				first[0] = instant(rs, "first_at");
				items.add(rs.getString("item"));
			});
		return (first[0] == null) ? Optional.empty() : Optional.of(new PlanInForce(items, first[0]));
	}

	/** The zone the client chose for their reminders, if any. */
	Optional<ZoneId> zone(ClientId client) {
		Optional<Optional<ZoneId>> kept = this.zonesAhead.kept(client);
		if (kept.isPresent()) {
			return kept.get();
		}
		return this.jdbc.sql("SELECT zone FROM home_reminder_setting WHERE client_id = ?")
			.param(client.value())
			.query((rs, n) -> ZoneId.of(rs.getString(1)))
			.optional();
	}

	/** Writes a log entry; false when the client's request key was used before. */
	boolean insertLog(ClinicId clinic, ClientId client, HomeLogEntry entry, UUID loggedBy, String requestKey) {
		return this.jdbc
			.sql("""
					INSERT INTO home_log (clinic_id, id, client_id, item, day, done, pain, difficulty, reason, logged_at, logged_by,
					                      request_key)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (client_id, request_key) WHERE request_key IS NOT NULL DO NOTHING""")
			.params(clinic.value(), entry.id(), client.value(), entry.item(), entry.day(), entry.done(), entry.pain(),
					(entry.difficulty() != null) ? entry.difficulty().name() : null,
					(entry.reason() != null) ? entry.reason().name() : null, utc(entry.loggedAt()), loggedBy,
					requestKey)
			.update() == 1;
	}

	Optional<HomeLogEntry> logByRequestKey(ClientId client, String requestKey) {
		return this.jdbc.sql(SELECT_LOG + " WHERE client_id = ? AND request_key = ?")
			.params(client.value(), requestKey)
			.query(HomeCareRepository::entry)
			.optional();
	}

	private static final String SELECT_LOG = "SELECT id, item, day, done, pain, difficulty, reason, logged_at FROM home_log";

	/** The client's entries for days in the range, in the order logged. */
	List<HomeLogEntry> log(ClientId client, LocalDate from, LocalDate to) {
		return this.jdbc.sql(SELECT_LOG + " WHERE client_id = ? AND day BETWEEN ? AND ? ORDER BY logged_at, id")
			.params(client.value(), from, to)
			.query(HomeCareRepository::entry)
			.list();
	}

	/** Every entry of the client, in the order logged. */
	List<HomeLogEntry> log(ClientId client) {
		return this.jdbc.sql(SELECT_LOG + " WHERE client_id = ? ORDER BY logged_at, id")
			.param(client.value())
			.query(HomeCareRepository::entry)
			.list();
	}

	/**
	 * The latest day the client logged anything, in their zone: the day an entry is for,
	 * or the day they logged it (catching up on yesterday today is logging today).
	 */
	Optional<LocalDate> lastLogDay(ClientId client, ZoneId zone) {
		return this.jdbc
			.sql("SELECT max(greatest(day, (logged_at AT TIME ZONE ?)::date)) FROM home_log WHERE client_id = ?")
			.params(zone.getId(), client.value())
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional()
			.filter(day -> day != null);
	}

	private static HomeLogEntry entry(ResultSet rs, int n) throws SQLException {
		String difficulty = rs.getString("difficulty");
		String reason = rs.getString("reason");
		return new HomeLogEntry(rs.getObject("id", UUID.class), rs.getString("item"),
				rs.getObject("day", LocalDate.class), rs.getBoolean("done"), rs.getObject("pain", Integer.class),
				(difficulty != null) ? HomeLogEntry.Difficulty.valueOf(difficulty) : null,
				(reason != null) ? HomeLogEntry.NotDone.valueOf(reason) : null, instant(rs, "logged_at"));
	}

	Optional<ReminderSettings> settings(ClientId client) {
		List<ReminderSettings.Reminder> reminders = this.jdbc
			.sql("SELECT item, at, days FROM home_reminder WHERE client_id = ? ORDER BY at, item")
			.param(client.value())
			.query((rs, n) -> new ReminderSettings.Reminder(rs.getString("item"), rs.getObject("at", LocalTime.class),
					ReminderSettings.Reminder.days(rs.getInt("days"))))
			.list();
		return this.jdbc.sql(
				"SELECT zone, quiet_from, quiet_until, paused_at, since, last_nudged_on FROM home_reminder_setting WHERE client_id = ?")
			.param(client.value())
			.query((rs, n) -> new ReminderSettings(ZoneId.of(rs.getString("zone")), reminders,
					rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_until", LocalTime.class),
					instant(rs, "paused_at"), rs.getObject("since", LocalDate.class),
					rs.getObject("last_nudged_on", LocalDate.class)))
			.optional();
	}

	/** Stores the settings and replaces the reminders. */
	void saveSettings(ClinicId clinic, ClientId client, ReminderSettings settings) {
		this.jdbc
			.sql("""
					INSERT INTO home_reminder_setting (clinic_id, client_id, zone, quiet_from, quiet_until, paused_at, since, last_nudged_on)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (client_id) DO UPDATE SET zone = excluded.zone, quiet_from = excluded.quiet_from,
					    quiet_until = excluded.quiet_until, paused_at = excluded.paused_at, since = excluded.since,
					    last_nudged_on = excluded.last_nudged_on""")
			.params(clinic.value(), client.value(), settings.zone().getId(), settings.quietFrom(),
					settings.quietUntil(), (settings.pausedAt() != null) ? utc(settings.pausedAt()) : null,
					settings.since(), settings.lastNudgedOn())
			.update();
		this.jdbc.sql("DELETE FROM home_reminder WHERE client_id = ?").param(client.value()).update();
		for (ReminderSettings.Reminder reminder : settings.reminders()) {
			this.jdbc.sql("INSERT INTO home_reminder (client_id, item, at, days) VALUES (?, ?, ?, ?)")
				.params(client.value(), reminder.item(), reminder.at(), reminder.bits())
				.update();
		}
	}

	void nudged(ClientId client, LocalDate day) {
		this.jdbc.sql("UPDATE home_reminder_setting SET last_nudged_on = ? WHERE client_id = ?")
			.params(day, client.value())
			.update();
	}

	/** Every client's running reminders (not paused), for planning a day's. */
	Map<ClientId, ReminderSettings> running() {
		Map<ClientId, List<ReminderSettings.Reminder>> reminders = new LinkedHashMap<>();
		Map<ClientId, ReminderSettings> settings = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT s.client_id, s.zone, s.quiet_from, s.quiet_until, s.since, r.item, r.at, r.days
				FROM home_reminder_setting s JOIN home_reminder r ON r.client_id = s.client_id
				WHERE s.paused_at IS NULL
				ORDER BY s.client_id""").query(rs -> {
			ClientId client = new ClientId(rs.getObject("client_id", UUID.class));
			reminders.computeIfAbsent(client, key -> new ArrayList<>())
				.add(new ReminderSettings.Reminder(rs.getString("item"), rs.getObject("at", LocalTime.class),
						ReminderSettings.Reminder.days(rs.getInt("days"))));
			if (!settings.containsKey(client)) {
				settings.put(client, new ReminderSettings(ZoneId.of(rs.getString("zone")), List.of(),
						rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_until", LocalTime.class), null,
						rs.getObject("since", LocalDate.class), null));
			}
		});
		Map<ClientId, ReminderSettings> running = new LinkedHashMap<>();
		settings.forEach((client, s) -> running.put(client, new ReminderSettings(s.zone(), reminders.get(client),
				s.quietFrom(), s.quietUntil(), null, s.since(), null)));
		return running;
	}

	/**
	 * Marks these (client, day) pairs planned; answers those no one had marked before,
	 * for this transaction to plan.
	 */
	List<Map.Entry<ClientId, LocalDate>> claimDays(List<ClientId> clients, List<LocalDate> days) {
		if (clients.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				INSERT INTO home_reminder_day (client_id, day)
				SELECT c::uuid, d::date FROM unnest(?::text[], ?::text[]) AS t(c, d)
				ON CONFLICT DO NOTHING RETURNING client_id, day""")
			.params(clients.stream().map(c -> c.value().toString()).toArray(String[]::new),
					days.stream().map(LocalDate::toString).toArray(String[]::new))
			.query((rs, n) -> Map.entry(new ClientId(rs.getObject("client_id", UUID.class)),
					rs.getObject("day", LocalDate.class)))
			.list();
	}

	/** Forgets planning marks of days long past. */
	void forgetPlannedBefore(LocalDate day) {
		this.jdbc.sql("DELETE FROM home_reminder_day WHERE day < ?").param(day).update();
	}

	Optional<Integer> nudgeAfterDays(ClinicId clinic) {
		return this.jdbc.sql("SELECT nudge_after_days FROM home_care_setting WHERE clinic_id = ?")
			.param(clinic.value())
			.query(Integer.class)
			.optional();
	}

	void setNudgeAfterDays(ClinicId clinic, int days) {
		this.jdbc.sql("""
				INSERT INTO home_care_setting (clinic_id, nudge_after_days) VALUES (?, ?)
				ON CONFLICT (clinic_id) DO UPDATE SET nudge_after_days = excluded.nudge_after_days""")
			.params(clinic.value(), days)
			.update();
	}

	/** Deletes everything the client holds here: reminders, log, plans. */
	void forgetClient(ClientId client) {
		this.jdbc.sql("DELETE FROM home_reminder_setting WHERE client_id = ?").param(client.value()).update();
		this.jdbc.sql("DELETE FROM home_reminder_day WHERE client_id = ?").param(client.value()).update();
		this.jdbc.sql("DELETE FROM home_log WHERE client_id = ?").param(client.value()).update();
		this.jdbc.sql("DELETE FROM home_plan WHERE client_id = ?").param(client.value()).update();
	}

}
