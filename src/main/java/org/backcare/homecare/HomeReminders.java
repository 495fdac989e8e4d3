package org.backcare.homecare;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.intake.Intake;

import org.springframework.stereotype.Service;

/**
 * Home care as BackCare's own timed work sees it (no one signed in; every read of a
 * client's plan or log audited as the system's): which reminders to plan for a day, and,
 * when one falls due, whether it is still wanted, for which items, and whether it is the
 * gentler nudge. The notification module writes the mail.
 *
 * <p>
 * The nudge: when nothing was logged for the clinic's number of days (3 unless it says),
 * counted from the latest entry or from when reminders were switched on or resumed,
 * whichever is later, the day's first reminder becomes a nudge; it comes again after as
 * many days while nothing is logged (the clinic's own rule, after Bennell et al. 2019: a
 * web-based programme with reminders improved adherence).
 */
@Service
public class HomeReminders {

	private final HomeCareRepository homeCare;

	private final HomeCare care;

	private final Clients clients;

	private final RecordAccess access;

	private final Clock clock;

	private final org.backcare.intake.Intakes intakes;

	HomeReminders(HomeCareRepository homeCare, HomeCare care, Clients clients, RecordAccess access, Clock clock,
			org.backcare.intake.Intakes intakes) {
		this.intakes = intakes;
		this.homeCare = homeCare;
		this.care = care;
		this.clients = clients;
		this.access = access;
		this.clock = clock;
	}

	/** A reminder to plan: the client's, at their local time, which is this instant. */
	public record Planned(ClientId client, LocalDateTime local, java.time.ZoneId zone, Instant at) {

		/**
		 * The timed job's name for it: unique per client, local time and zone (a client
		 * who moves to another zone gets new jobs; the old ones find the zone changed and
		 * send nothing).
		 */
		public String name() {
			return this.client.value() + "/" + this.local + "/" + this.zone.getId();
		}

		public static Planned parse(String name) {
			String[] parts = name.split("/", 3);
			java.time.ZoneId zone = java.time.ZoneId.of(parts[2]);
			LocalDateTime local = LocalDateTime.parse(parts[1]);
			return new Planned(new ClientId(java.util.UUID.fromString(parts[0])), local, zone,
					local.atZone(zone).toInstant());
		}

	}

	/**
	 * Claims the local today and tomorrow of every client with running reminders that no
	 * run planned yet, and answers their reminders still to come (after {@code now}), in
	 * the caller's transaction: each day is planned by exactly one transaction.
	 */
	public List<Planned> planDays() {
		Instant now = this.clock.instant();
		Map<ClientId, ReminderSettings> running = this.homeCare.running();
		List<ClientId> clientIds = new ArrayList<>();
		List<LocalDate> days = new ArrayList<>();
		running.forEach((client, settings) -> {
			LocalDate today = LocalDate.ofInstant(now, settings.zone());
			clientIds.add(client);
			days.add(today);
			clientIds.add(client);
			days.add(today.plusDays(1));
		});
		List<Planned> planned = new ArrayList<>();
		for (Map.Entry<ClientId, LocalDate> claimed : this.homeCare.claimDays(clientIds, days)) {
			planned.addAll(on(claimed.getKey(), running.get(claimed.getKey()), claimed.getValue(), now));
		}
		this.homeCare.forgetPlannedBefore(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(3));
		return planned;
	}

	/**
	 * The client's reminders of today and tomorrow still to come, after they changed them
	 * (the days are claimed too, so the next run does not plan them again).
	 */
	public List<Planned> planFor(ClientId client) {
		Instant now = this.clock.instant();
		Optional<ReminderSettings> settings = this.homeCare.settings(client);
		if (settings.isEmpty() || settings.get().paused()) {
			return List.of();
		}
		LocalDate today = LocalDate.ofInstant(now, settings.get().zone());
		this.homeCare.claimDays(List.of(client, client), List.of(today, today.plusDays(1)));
		List<Planned> planned = new ArrayList<>(on(client, settings.get(), today, now));
		planned.addAll(on(client, settings.get(), today.plusDays(1), now));
		return planned;
	}

	private static List<Planned> on(ClientId client, ReminderSettings settings, LocalDate day, Instant now) {
		return settings.timesOn(day)
			.stream()
			.map(time -> LocalDateTime.of(day, time))
			.map(local -> new Planned(client, local, settings.zone(), settings.instant(local)))
			.filter(planned -> planned.at().isAfter(now))
			.toList();
	}

	/**
	 * A reminder due now, as it should go: to whom, which items (those of the plan in
	 * force chosen for this time and day, not yet logged that day), and whether it is the
	 * nudge.
	 */
	public record Due(Client client, List<HomeItem> items, boolean nudge, int quietDays) {
	}

	/**
	 * Whether the reminder planned for the client's local time is still wanted: reminders
	 * not paused, in the same zone, the time still chosen for that day and outside quiet
	 * hours, the client not erased, and something left to do (or the nudge due). Marks
	 * the nudge given, in the caller's transaction.
	 */
	public Optional<Due> due(Planned planned) {
		ClientId clientId = planned.client();
		LocalDateTime local = planned.local();
		Client client = this.clients.find(clientId).orElse(null);
		if (client == null || client.erased()) {
			return Optional.empty();
		}
		ReminderSettings settings = this.homeCare.settings(clientId).orElse(null);
		LocalDate day = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		if (settings == null || !settings.zone().equals(planned.zone()) || !settings.timesOn(day).contains(time)) {
			return Optional.empty();
		}
		this.access.bySystem(RecordAction.HOME_CARE_READ, HomeCare.record(client));
		HomePlan plan = this.homeCare.latestPlan(clientId).orElse(null);
		if (plan == null) {
			return Optional.empty();
		}
		int after = this.care.nudgeAfterDays(client.clinicId());
		LocalDate lastLog = this.homeCare.lastLogDay(clientId, settings.zone()).orElse(null);
		LocalDate quietSince = (lastLog == null || lastLog.isBefore(settings.since())) ? settings.since() : lastLog;
		int quietDays = (int) (day.toEpochDay() - quietSince.toEpochDay());
		boolean first = settings.timesOn(day).get(0).equals(time);
		boolean nudge = first && quietDays >= after && (settings.lastNudgedOn() == null
				|| day.toEpochDay() - settings.lastNudgedOn().toEpochDay() >= after);
		Set<String> logged = this.homeCare.log(clientId, day, day)
			.stream()
			.map(HomeLogEntry::item)
			.collect(Collectors.toSet());
		// Items a later intake rules out are held back until the therapist reviews the
		// plan.
		Map<String, String> held = HomeCare.heldBack(plan,
				this.intakes.allBySystem(clientId).stream().findFirst().map(Intake::answers).orElse(null));
		List<HomeItem> items = settings.itemsAt(day, time)
			.stream()
			.filter(item -> !logged.contains(item) && !held.containsKey(item))
			.map(plan::item)
			.flatMap(Optional::stream)
			.toList();
		if (nudge) {
			this.homeCare.nudged(clientId, day);
			List<HomeItem> any = plan.items().stream().filter(item -> !held.containsKey(item.item())).toList();
			if (items.isEmpty() && any.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Due(client, items.isEmpty() ? any : items, true, quietDays));
		}
		return items.isEmpty() ? Optional.empty() : Optional.of(new Due(client, items, false, quietDays));
	}

	/**
	 * The client's entries with severe pain on a day, the earliest first, with the items'
	 * titles, for the care team's alert. Audited as the system's read.
	 */
	public List<PainReport> painReports(ClientId clientId, LocalDate day) {
		Client client = this.clients.find(clientId).orElse(null);
		if (client == null || client.erased()) {
			return List.of();
		}
		this.access.bySystem(RecordAction.HOME_CARE_READ, HomeCare.record(client));
		HomePlan plan = this.homeCare.latestPlan(clientId).orElse(null);
		return HomeCare.latestOfEachDay(this.homeCare.log(clientId, day, day))
			.stream()
			.filter(entry -> entry.pain() != null && entry.pain() >= HomeCare.SEVERE_PAIN)
			.sorted(Comparator.comparing(HomeLogEntry::loggedAt))
			.map(entry -> new PainReport(
					(plan == null) ? entry.item() : plan.item(entry.item()).map(HomeItem::title).orElse(entry.item()),
					entry))
			.toList();
	}

	/** A severe-pain entry with its item's title. */
	public record PainReport(String title, HomeLogEntry entry) {
	}

}
