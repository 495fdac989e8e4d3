package org.backcare.homecare;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.audit.AccessRule;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.homecare.HomeCareCatalogue.Offered;
import org.backcare.homecare.HomeLogEntry.Difficulty;
import org.backcare.homecare.HomeLogEntry.NotDone;
import org.backcare.intake.Intake;
import org.backcare.intake.Intakes;
import org.backcare.platform.Forbidden;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.ProblemException;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.RuleRefused;
import org.backcare.therapist.Therapists;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The home-care module's public face. Who may do what:
 * <ul>
 * <li>read a client's plan, log and adherence: the client and their care team (the
 * clinic's admins, therapists who have met the client);</li>
 * <li>write a plan (a new version): the clinic's admins and therapists who have met the
 * client;</li>
 * <li>log an item, and set reminders: the client themselves.</li>
 * </ul>
 * Anyone else is told the client does not exist. Every read and write is audited.
 */
@Service
public class HomeCare {

	/** After how many days without a log the nudge goes, unless the clinic says. */
	public static final int DEFAULT_NUDGE_DAYS = 3;

	public static final int MAX_NUDGE_DAYS = 14;

	/**
	 * Pain from which an item alerts the therapist and the proposal asks to check it: the
	 * severe band of the 0–10 scale, 7 to 10 (Serlin et al., Pain 1995;61:277–284).
	 */
	public static final int SEVERE_PAIN = 7;

	/** How far back a client may log (a week: a forgotten day can be caught up). */
	public static final int LOG_DAYS_BACK = 7;

	public static final int MAX_INSTRUCTION = 500;

	public static final int MAX_NOTE = 1000;

	private final HomeCareRepository homeCare;

	private final Clients clients;

	private final Clinics clinics;

	private final Bookings bookings;

	private final Intakes intakes;

	private final Therapists therapists;

	private final RecordAccess access;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	HomeCare(HomeCareRepository homeCare, Clients clients, Clinics clinics, Bookings bookings, Intakes intakes,
			Therapists therapists, RecordAccess access, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.homeCare = homeCare;
		this.clients = clients;
		this.clinics = clinics;
		this.bookings = bookings;
		this.intakes = intakes;
		this.therapists = therapists;
		this.access = access;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
	}

	/**
	 * A client's home care as the pages and API show it: the plan in force, the client's
	 * zone and today there, today's latest entry per item, weekly adherence (this week
	 * first, up to {@code weeks}), the last two weeks' entries (the latest first), and
	 * those with severe pain.
	 */
	public record Overview(Client client, HomePlan plan, ZoneId zone, LocalDate today, Map<String, HomeLogEntry> todays,
			List<Adherence.Week> weeks, List<HomeLogEntry> recent, Map<String, String> heldBack) {

		/** Without items held back (not looked for). */
		Overview(Client client, HomePlan plan, ZoneId zone, LocalDate today, Map<String, HomeLogEntry> todays,
				List<Adherence.Week> weeks, List<HomeLogEntry> recent) {
			this(client, plan, zone, today, todays, weeks, recent, Map.of());
		}

		/** With the items of the plan in force a later intake rules out, and why. */
		Overview withHeldBack(Map<String, String> held) {
			return new Overview(this.client, this.plan, this.zone, this.today, this.todays, this.weeks, this.recent,
					Map.copyOf(held));
		}

		public Optional<HomePlan> current() {
			return Optional.ofNullable(this.plan);
		}

		/**
		 * Entries of the last two weeks with severe pain, the latest first: each the
		 * day's latest for its item (a corrected tap is not counted).
		 */
		public List<HomeLogEntry> painful() {
			return latestOfEachDay(this.recent).stream()
				.filter(entry -> entry.pain() != null && entry.pain() >= SEVERE_PAIN)
				.sorted(Comparator.comparing(HomeLogEntry::day).thenComparing(HomeLogEntry::loggedAt).reversed())
				.toList();
		}

		public Adherence.Week thisWeek() {
			return this.weeks.isEmpty() ? null : this.weeks.get(0);
		}

		public Adherence.Week lastWeek() {
			return (this.weeks.size() < 2) ? null : this.weeks.get(1);
		}

	}

	/** The client's home care, for the client and their care team. Audited. */
	public Overview overview(CurrentUser caller, ClientId clientId, int weeks) {
		Client client = client(clientId);
		this.access.check(caller, RecordAction.HOME_CARE_READ, record(client), careTeam(client));
		return overview(client, weeks);
	}

	/**
	 * A client's home care with what their latest intake says of it: the items of the
	 * plan in force it now rules out ({@link Overview#heldBack}), and, for the staff who
	 * may write the plan, the catalogue offered (else empty). One audited read of the
	 * home care and one of the intake (by intake).
	 */
	public record Checked(Overview overview, List<Offered> offer) {
	}

	public Checked checked(CurrentUser caller, ClientId clientId, int weeks) {
		Client client = client(clientId);
		this.access.check(caller, RecordAction.HOME_CARE_READ, record(client), careTeam(client));
		Overview overview = overview(client, weeks);
		Optional<Intake> intake = this.intakes.latest(caller, clientId);
		if (overview.plan() != null) {
			overview = overview.withHeldBack(heldBack(overview.plan(), intake.map(Intake::answers).orElse(null)));
		}
		return new Checked(overview, (staff(client).refusal(caller) == null) ? offerFrom(intake) : List.of());
	}

	/**
	 * The items of the plan that the client's latest intake now rules out (a
	 * contraindication answered after the plan was written), with why: the client is
	 * asked to hold off, reminders skip them, the therapist's form drops them.
	 */
	static Map<String, String> heldBack(HomePlan plan, org.backcare.assessment.IntakeAnswers latest) {
		if (latest == null) {
			return Map.of();
		}
		Map<String, String> held = new LinkedHashMap<>();
		for (Offered offered : HomeCareCatalogue.offer(latest, null)) {
			if (!offered.offered() && plan.item(offered.template().item()).isPresent()) {
				held.put(offered.template().item(), offered.ruledOut());
			}
		}
		return held;
	}

	/**
	 * Reads the plans and reminder zones of all the clients at once, for this
	 * transaction's overviews and facts (still checked and audited) to answer from: for a
	 * page that shows many clients' records ({@link org.backcare.platform.ReadAhead}).
	 */
	public void readAhead(Collection<ClientId> clients) {
		this.homeCare.readAhead(clients);
	}

	/**
	 * The overviews of several clients (a therapist's day): those the caller may read,
	 * each read audited; the others are left out.
	 */
	public Map<ClientId, Overview> overviews(CurrentUser caller, List<ClientId> clientIds, int weeks) {
		Map<ClientId, Overview> all = new LinkedHashMap<>();
		for (ClientId id : new java.util.LinkedHashSet<>(clientIds)) {
			Client client = client(id);
			if (this.bookings.inCareTeam(caller, id, client.clinicId())) {
				this.access.check(caller, RecordAction.HOME_CARE_READ, record(client), who -> null);
				all.put(id, overview(client, weeks));
			}
		}
		return all;
	}

	private Overview overview(Client client, int weeks) {
		ZoneId zone = zoneOf(client);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		List<HomePlan> versions = this.homeCare.plans(client.id());
		HomePlan plan = versions.isEmpty() ? null : versions.get(0);
		if (plan == null) {
			return new Overview(client, null, zone, today, Map.of(), List.of(), List.of());
		}
		List<Adherence.Version> inForce = versions.stream()
			.map(version -> new Adherence.Version(LocalDate.ofInstant(version.writtenAt(), zone), version.items()))
			.toList();
		LocalDate from = Adherence.monday(today).minusWeeks(Math.max(weeks, 2) - 1L);
		List<HomeLogEntry> log = this.homeCare.log(client.id(), from, today);
		Map<String, HomeLogEntry> todays = new LinkedHashMap<>();
		log.stream().filter(entry -> entry.day().equals(today)).forEach(entry -> todays.put(entry.item(), entry));
		List<HomeLogEntry> recent = new ArrayList<>(
				log.stream().filter(entry -> entry.day().isAfter(today.minusDays(14))).toList());
		recent.sort(Comparator.comparing(HomeLogEntry::day).thenComparing(HomeLogEntry::loggedAt).reversed());
		return new Overview(client, plan, zone, today, todays, Adherence.weeks(today, inForce, log, weeks), recent);
	}

	/**
	 * What the proposal for the client's next session takes from their home care:
	 * adherence over the last two full weeks and the severe-pain entries since
	 * {@code since}. For the care team; audited.
	 */
	public HomeCareRules.Facts facts(CurrentUser caller, ClientId clientId, Instant since) {
		Overview overview = overview(caller, clientId, 3);
		return facts(overview, since);
	}

	static HomeCareRules.Facts facts(Overview overview, Instant since) {
		if (overview.plan() == null) {
			return new HomeCareRules.Facts(null, List.of());
		}
		int done = 0;
		int asked = 0;
		for (Adherence.Week week : overview.weeks()
			.subList(Math.min(1, overview.weeks().size()), overview.weeks().size())) {
			done += week.done();
			asked += week.asked();
		}
		LocalDate from = (since != null) ? LocalDate.ofInstant(since, overview.zone()) : LocalDate.MIN;
		List<HomeCareRules.PainfulItem> painful = overview.painful()
			.stream()
			.filter(entry -> !entry.day().isBefore(from))
			.map(entry -> new HomeCareRules.PainfulItem(entry.item(),
					overview.plan().item(entry.item()).map(HomeItem::title).orElse(entry.item()), entry.pain(),
					entry.day()))
			.toList();
		return new HomeCareRules.Facts((asked == 0) ? null : done * 100 / asked, painful);
	}

	/** Of the entries, each item's latest on each day (in the order logged). */
	static List<HomeLogEntry> latestOfEachDay(List<HomeLogEntry> entries) {
		Map<String, HomeLogEntry> latest = new LinkedHashMap<>();
		entries.stream()
			.sorted(Comparator.comparing(HomeLogEntry::loggedAt))
			.forEach(entry -> latest.put(entry.item() + "/" + entry.day(), entry));
		return latest.values().stream().sorted(Comparator.comparing(HomeLogEntry::loggedAt)).toList();
	}

	/** Every version of the client's plan, the latest first, for the care team. */
	public List<HomePlan> versions(CurrentUser caller, ClientId clientId) {
		Client client = client(clientId);
		this.access.check(caller, RecordAction.HOME_CARE_READ, record(client), careTeam(client));
		return this.homeCare.plans(clientId);
	}

	/**
	 * The catalogue offered for the client's plan: items the recommendation of their
	 * latest intake proposes, items their contraindications rule out (with why), each
	 * with its safety notes. For the staff who may write the plan; the intake's read is
	 * audited by intake.
	 */
	public List<Offered> offer(CurrentUser caller, ClientId clientId) {
		Client client = client(clientId);
		this.access.check(caller, RecordAction.HOME_CARE_READ, record(client), staff(client));
		return offerFrom(this.intakes.latest(caller, clientId));
	}

	private static List<Offered> offerFrom(Optional<Intake> intake) {
		return HomeCareCatalogue.offer(intake.map(Intake::answers).orElse(null),
				intake.map(found -> found.assessment().recommendation()).orElse(null));
	}

	/** An item as the therapist set it: its key, words and dose. */
	public record ItemChoice(String item, String instruction, Integer timesPerDay, Integer daysPerWeek,
			Integer minutes) {
	}

	/**
	 * Writes a new version of the client's plan from the offer: each chosen item once,
	 * none ruled out for the client, dose within bounds. With a request key (a form's
	 * own), the same key again returns the version the first one wrote.
	 */
	public HomePlan write(CurrentUser caller, ClientId clientId, List<ItemChoice> choices, String note,
			String requestKey) {
		return write(caller, clientId, choices, note, requestKey, null);
	}

	/**
	 * The same, refused with 409 when {@code basedOn} (the version the writer started
	 * from; 0 for none) is no longer the latest: someone else changed the plan meanwhile.
	 */
	public HomePlan write(CurrentUser caller, ClientId clientId, List<ItemChoice> choices, String note,
			String requestKey, Integer basedOn) {
		return write(caller, clientId, choices, note, requestKey, this.clock.instant(), basedOn);
	}

	/**
	 * Enters a plan the client was given on paper at {@code writtenAt} (by those who may
	 * write the plan; at most a year back): a clinic moving to BackCare brings its
	 * clients' home programmes and diaries.
	 */
	public HomePlan writeFromPaper(CurrentUser caller, ClientId clientId, List<ItemChoice> choices, String note,
			Instant writtenAt) {
		paperOnly(caller, writtenAt);
		return write(caller, clientId, choices, note, null, writtenAt, null);
	}

	/**
	 * Enters a day of the client's paper diary (the front desk only): any day from the
	 * plan's first to today.
	 */
	public HomeLogEntry logFromPaper(CurrentUser caller, ClientId clientId, LogRequest request, Instant loggedAt) {
		paperOnly(caller, loggedAt);
		return log(caller, clientId, request, null, loggedAt);
	}

	private void paperOnly(CurrentUser caller, Instant at) {
		Instant now = this.clock.instant();
		if (caller.client() != null) {
			throw new Forbidden("Paper plans and diaries are entered by the clinic.");
		}
		if (at.isAfter(now) || at.isBefore(now.minus(java.time.Duration.ofDays(366)))) {
			throw new InvalidRequest("A paper plan or diary is from within the last year, not from the future.");
		}
	}

	private HomePlan write(CurrentUser caller, ClientId clientId, List<ItemChoice> choices, String note,
			String requestKey, Instant writtenAt, Integer basedOn) {
		Client client = client(clientId);
		String why = (note == null) ? "" : note.strip();
		if (why.length() > MAX_NOTE || why.indexOf('\u0000') >= 0) {
			throw new InvalidRequest("The note to the client is at most " + MAX_NOTE + " characters, without NUL.");
		}
		return this.transaction.execute(status -> {
			UUID id = UUID.randomUUID();
			this.access.check(caller, RecordAction.HOME_PLAN_WRITTEN,
					new HealthRecord(HealthRecord.Type.HOME_PLAN, id, client.clinicId(), clientId), staff(client));
			client.ensureNotErased();
			// (The write itself is the audited access; the intake's read is audited by
			// intake.)
			List<Offered> offer = offerFrom(this.intakes.latest(caller, clientId));
			List<HomeItem> items = items(choices, offer);
			int latest = this.homeCare.latestPlan(clientId).map(HomePlan::version).orElse(0);
			if (basedOn != null && basedOn != latest && (requestKey == null
					|| this.homeCare.planByRequestKey(caller.id().value(), requestKey).isEmpty())) {
				throw new PlanChanged();
			}
			int version = latest + 1;
			HomePlan plan = new HomePlan(client.clinicId(), id, clientId, version, writtenAt, writerName(caller), why,
					items);
			boolean inserted;
			try {
				inserted = this.homeCare.insertPlan(plan, caller.id().value(), requestKey);
			}
			catch (org.springframework.dao.DuplicateKeyException sameVersion) {
				// Another version was written at the same moment (UNIQUE (client_id,
				// version)).
				throw new PlanChanged();
			}
			if (!inserted) {
				UUID first = this.homeCare.planByRequestKey(caller.id().value(), requestKey).orElseThrow();
				return this.homeCare.plans(clientId)
					.stream()
					.filter(written -> written.id().equals(first))
					.findFirst()
					.orElseThrow(org.backcare.platform.RequestKeys.Reused::new);
			}
			return plan;
		});
	}

	private static List<HomeItem> items(List<ItemChoice> choices, List<Offered> offer) {
		if (choices == null || choices.isEmpty()) {
			throw new InvalidRequest("Choose at least one item for the plan.");
		}
		Set<String> seen = new HashSet<>();
		List<HomeItem> items = new ArrayList<>();
		for (ItemChoice choice : choices) {
			Offered offered = offer.stream()
				.filter(o -> o.template().item().equals(choice.item()))
				.findFirst()
				.orElseThrow(() -> new InvalidRequest("item must be one of the catalogue's: "
						+ String.join(", ", offer.stream().map(o -> o.template().item()).toList()) + "."));
			if (!seen.add(choice.item())) {
				throw new InvalidRequest("Each item appears once in a plan: " + choice.item() + " is there twice.");
			}
			if (!offered.offered()) {
				throw new HomeCareRefused("ruled-out",
						offered.template().title() + " is not offered for this client: " + offered.ruledOut() + ".");
			}
			items.add(item(offered, choice));
		}
		return items;
	}

	private static HomeItem item(Offered offered, ItemChoice choice) {
		HomeItem template = offered.item();
		String label = template.title();
		String instruction = (choice.instruction() == null || choice.instruction().isBlank()) ? template.instruction()
				: choice.instruction().strip();
		if (instruction.length() > MAX_INSTRUCTION || instruction.indexOf('\u0000') >= 0) {
			throw new InvalidRequest(
					label + ": the instruction is at most " + MAX_INSTRUCTION + " characters, without NUL.");
		}
		if ((choice.timesPerDay() == null) == (choice.daysPerWeek() == null)) {
			throw new InvalidRequest(label + ": say how often, either times a day or days a week (one of the two).");
		}
		if (choice.timesPerDay() != null && (choice.timesPerDay() < 1 || choice.timesPerDay() > 12)) {
			throw new InvalidRequest(label + ": times a day lies between 1 and 12.");
		}
		if (choice.daysPerWeek() != null && (choice.daysPerWeek() < 1 || choice.daysPerWeek() > 7)) {
			throw new InvalidRequest(label + ": days a week lies between 1 and 7.");
		}
		int[] bounds = minutes(template.kind());
		if (choice.minutes() == null ? template.kind().timed()
				: (choice.minutes() < bounds[0] || choice.minutes() > bounds[1])) {
			throw new InvalidRequest(label + ": minutes lie between " + bounds[0] + " and " + bounds[1]
					+ (template.kind().timed() ? "" : " (or none)") + ".");
		}
		return new HomeItem(template.item(), template.kind(), template.title(), instruction, choice.timesPerDay(),
				choice.daysPerWeek(), choice.minutes(), template.safety());
	}

	/**
	 * How long each time may be: cold 10–15 minutes, heat 10–20 (Nadler et al. 2004),
	 * anything else 1–120.
	 */
	public static int[] minutes(HomeItemKind kind) {
		return switch (kind) {
			case COLD -> new int[] { 10, 15 };
			case HEAT -> new int[] { 10, 20 };
			default -> new int[] { 1, 120 };
		};
	}

	/** What the client logs for an item on a day. */
	public record LogRequest(String item, LocalDate day, Boolean done, Integer pain, Difficulty difficulty,
			NotDone reason) {
	}

	/**
	 * Logs an item for a day (the client only): an item of their plan in force, today or
	 * up to a week back (in their zone), not before their first plan. With a request key,
	 * the same key again returns the first entry. Severe pain during it (7 or more) tells
	 * the care team, gathered once a day.
	 */
	public HomeLogEntry log(CurrentUser caller, ClientId clientId, LogRequest request, String requestKey) {
		return log(caller, clientId, request, requestKey, null);
	}

	/**
	 * {@code paperAt}: when the front desk enters a paper diary's day; null for the
	 * client's own log.
	 */
	private HomeLogEntry log(CurrentUser caller, ClientId clientId, LogRequest request, String requestKey,
			Instant paperAt) {
		Client client = client(clientId);
		return this.transaction.execute(status -> {
			UUID id = UUID.randomUUID();
			this.access.check(caller, RecordAction.HOME_CARE_LOGGED,
					new HealthRecord(HealthRecord.Type.HOME_LOG, id, client.clinicId(), clientId),
					who -> (paperAt == null ? who.isClient(clientId) : who.isAdminOf(client.clinicId())) ? null
							: (who.client() == null && who.clinic().equals(client.clinicId()))
									? new Forbidden("The client logs their own home care.")
									: new RecordNotFound("Client", clientId));
			client.ensureNotErased();
			if (requestKey != null) {
				Optional<HomeLogEntry> first = this.homeCare.logByRequestKey(clientId, requestKey);
				if (first.isPresent()) {
					return first.get();
				}
			}
			HomeLogEntry entry = entry(client, request, id, paperAt);
			if (!this.homeCare.insertLog(client.clinicId(), clientId, entry, caller.id().value(), requestKey)) {
				return this.homeCare.logByRequestKey(clientId, requestKey).orElseThrow();
			}
			if (entry.pain() != null && entry.pain() >= SEVERE_PAIN) {
				this.events.publishEvent(new HomePainReported(client.clinicId(), clientId, entry.day()));
			}
			return entry;
		});
	}

	private HomeLogEntry entry(Client client, LogRequest request, UUID id, Instant paperAt) {
		if (request.item() == null || request.day() == null || request.done() == null) {
			throw new InvalidRequest("Say which item, which day, and whether it was done.");
		}
		if (request.pain() != null && (request.pain() < 0 || request.pain() > 10)) {
			throw new InvalidRequest("pain lies between 0 and 10.");
		}
		if (request.done() && request.reason() != null) {
			throw new InvalidRequest("A reason is for an item not done.");
		}
		if (!request.done() && request.reason() == null) {
			throw new InvalidRequest("Say why it was not done: "
					+ String.join(", ", java.util.Arrays.stream(NotDone.values()).map(Enum::name).toList()) + ".");
		}
		if (!request.done() && request.difficulty() != null) {
			throw new InvalidRequest("How hard it was is for an item done.");
		}
		ZoneId zone = zoneOf(client);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		if (request.day().isAfter(today)) {
			throw new InvalidRequest("day is today or earlier: an item is logged once it is done (today is " + today
					+ " where you are).");
		}
		if (paperAt == null && request.day().isBefore(today.minusDays(LOG_DAYS_BACK))) {
			throw new InvalidRequest("day is at most " + LOG_DAYS_BACK + " days back.");
		}
		HomeCareRepository.PlanInForce plan = this.homeCare.planInForce(client.id())
			.orElseThrow(() -> new HomeCareRefused("no-plan", "There is no home plan yet: your therapist writes it."));
		if (!plan.items().contains(request.item())) {
			throw new HomeCareRefused("not-in-plan", "That item is not in your home plan.");
		}
		LocalDate planStart = LocalDate.ofInstant(plan.firstWrittenAt(), zone);
		if (request.day().isBefore(planStart)) {
			throw new InvalidRequest("day is on or after " + planStart + ", when your home plan began.");
		}
		return new HomeLogEntry(id, request.item(), request.day(), request.done(), request.pain(), request.difficulty(),
				request.reason(), (paperAt != null) ? paperAt : now);
	}

	/**
	 * The signed-in client's reminder settings (the clinic's zone, none chosen, before
	 * any).
	 */
	public ReminderSettings reminders(CurrentUser caller) {
		Client client = self(caller);
		return this.homeCare.settings(client.id())
			.orElse(new ReminderSettings(zoneOf(client), List.of(), null, null, null,
					LocalDate.ofInstant(this.clock.instant(), zoneOf(client)), null));
	}

	/**
	 * Sets the client's reminders: their zone, each item's times and days (items of their
	 * plan, at most 3 times each), quiet hours. Reminders run from today (the nudge's
	 * clock starts again); the pause stays as it was.
	 */
	public ReminderSettings setReminders(CurrentUser caller, ZoneId zone, List<ReminderSettings.Reminder> reminders,
			LocalTime quietFrom, LocalTime quietUntil) {
		Client client = self(caller);
		client.ensureNotErased();
		if ((quietFrom == null) != (quietUntil == null) || (quietFrom != null && quietFrom.equals(quietUntil))) {
			throw new InvalidRequest("Quiet hours need a start and a different end (or neither).");
		}
		if ((quietFrom != null && !wholeMinute(quietFrom)) || (quietUntil != null && !wholeMinute(quietUntil))) {
			throw new InvalidRequest("Quiet hours are in whole minutes, such as 22:00.");
		}
		HomePlan plan = this.homeCare.latestPlan(client.id())
			.orElseThrow(() -> new HomeCareRefused("no-plan", "There is no home plan yet: your therapist writes it."));
		Map<String, Integer> times = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (ReminderSettings.Reminder reminder : reminders) {
			if (plan.item(reminder.item()).isEmpty()) {
				throw new InvalidRequest("A reminder is for an item of your plan: " + reminder.item() + " is not.");
			}
			if (reminder.days().isEmpty()) {
				throw new InvalidRequest("A reminder needs at least one day of the week.");
			}
			if (!wholeMinute(reminder.at())) {
				throw new InvalidRequest("A reminder's time is in whole minutes.");
			}
			if (!seen.add(reminder.item() + "@" + reminder.at())) {
				throw new InvalidRequest("The same item at the same time is there twice.");
			}
			if (times.merge(reminder.item(), 1, Integer::sum) > 3) {
				throw new InvalidRequest("At most 3 reminder times per item.");
			}
		}
		return this.transaction.execute(status -> {
			ReminderSettings before = this.homeCare.settings(client.id()).orElse(null);
			ReminderSettings settings = new ReminderSettings(zone, reminders, quietFrom, quietUntil,
					(before != null) ? before.pausedAt() : null, LocalDate.ofInstant(this.clock.instant(), zone),
					(before != null) ? before.lastNudgedOn() : null);
			this.homeCare.saveSettings(client.clinicId(), client.id(), settings);
			this.events.publishEvent(new HomeRemindersChanged(client.clinicId(), client.id()));
			return settings;
		});
	}

	/** Pauses every reminder and nudge of the client's, until they resume. */
	public ReminderSettings pause(CurrentUser caller) {
		return pause(caller, true);
	}

	/** Resumes the client's reminders; the nudge's clock starts again today. */
	public ReminderSettings resume(CurrentUser caller) {
		return pause(caller, false);
	}

	private ReminderSettings pause(CurrentUser caller, boolean paused) {
		Client client = self(caller);
		return this.transaction.execute(status -> {
			ReminderSettings now = this.homeCare.settings(client.id())
				.orElseThrow(() -> new HomeCareRefused("no-reminders", "You have not set any reminders yet."));
			ReminderSettings set = new ReminderSettings(now.zone(), now.reminders(), now.quietFrom(), now.quietUntil(),
					paused ? this.clock.instant() : null,
					paused ? now.since() : LocalDate.ofInstant(this.clock.instant(), now.zone()), now.lastNudgedOn());
			this.homeCare.saveSettings(client.clinicId(), client.id(), set);
			if (!paused) {
				this.events.publishEvent(new HomeRemindersChanged(client.clinicId(), client.id()));
			}
			return set;
		});
	}

	private static boolean wholeMinute(LocalTime time) {
		return time.getSecond() == 0 && time.getNano() == 0;
	}

	/** After how many days without a log the caller's clinic nudges, for its admins. */
	public int nudgeAfterDays(CurrentUser caller) {
		return nudgeAfterDays(admin(caller).clinic());
	}

	int nudgeAfterDays(ClinicId clinic) {
		return this.homeCare.nudgeAfterDays(clinic).orElse(DEFAULT_NUDGE_DAYS);
	}

	public int setNudgeAfterDays(CurrentUser caller, int days) {
		admin(caller);
		if (days < 1 || days > MAX_NUDGE_DAYS) {
			throw new InvalidRequest("nudgeAfterDays lies between 1 and " + MAX_NUDGE_DAYS + ".");
		}
		this.homeCare.setNudgeAfterDays(caller.clinic(), days);
		return days;
	}

	/** The client's own zone: the one they chose for reminders, else the clinic's. */
	ZoneId zoneOf(Client client) {
		return this.homeCare.zone(client.id()).orElseGet(() -> this.clinics.get(client.clinicId()).zone());
	}

	private static CurrentUser admin(CurrentUser caller) {
		if (!caller.isAdminOf(caller.clinic())) {
			throw new Forbidden("The clinic's home-care settings are for its admins.");
		}
		return caller;
	}

	private Client self(CurrentUser caller) {
		if (caller.client() == null) {
			throw new Forbidden("Reminders are set by the client.");
		}
		return client(caller.client());
	}

	private Client client(ClientId id) {
		return this.clients.find(id).orElseThrow(() -> new RecordNotFound("Client", id));
	}

	private String writerName(CurrentUser caller) {
		return (caller.therapist() != null) ? this.therapists.get(caller.therapist()).name() : caller.email();
	}

	static HealthRecord record(Client client) {
		return new HealthRecord(HealthRecord.Type.HOME_PLAN, client.id().value(), client.clinicId(), client.id());
	}

	private AccessRule careTeam(Client client) {
		return caller -> this.bookings.inCareTeam(caller, client.id(), client.clinicId()) ? null
				: new RecordNotFound("Client", client.id());
	}

	/**
	 * The clinic's admins and therapists who have met the client; the client is told why
	 * not.
	 */
	private AccessRule staff(Client client) {
		return caller -> (caller.isAdminOf(client.clinicId()) || this.bookings
			.treats(caller, client.id(), client.clinicId())) ? null : caller.isClient(client.id())
					? new Forbidden("Your therapist writes your home plan.")
					: (caller.client() == null && caller.clinic().equals(client.clinicId())
							&& caller.is(Role.THERAPIST))
									? new Forbidden("The home plan is written by a therapist who has met the client.")
									: new RecordNotFound("Client", client.id());
	}

	/** The plan changed since the writer opened it: nothing is written. */
	static class PlanChanged extends ProblemException {

		PlanChanged() {
			super(HttpStatus.CONFLICT, "home-plan-changed", "The plan was changed meanwhile",
					"Someone else saved a new version of this home plan since you opened it. Reload it, and make your "
							+ "change again on the new version.");
		}

	}

	/** A rule of home care refused; {@code rule} names which. */
	static class HomeCareRefused extends RuleRefused {

		HomeCareRefused(String rule, String detail) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "home-care-refused", "Refused", rule, detail);
		}

	}

}
