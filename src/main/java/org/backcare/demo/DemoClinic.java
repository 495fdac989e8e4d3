package org.backcare.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.backcare.account.AccountId;
import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.PainRegion;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.BookingRequest;
import org.backcare.booking.Bookings;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.client.FoundVia;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.feedback.FeedbackAnswers;
import org.backcare.feedback.Feedbacks;
import org.backcare.feedback.PressureVerdict;
import org.backcare.intake.Intakes;
import org.backcare.notes.NoteContent;
import org.backcare.notes.SessionNote;
import org.backcare.notes.SessionNotes;
import org.backcare.notes.TreatedArea;
import org.backcare.notes.TreatmentPressure;
import org.backcare.platform.TimeRange;
import org.backcare.review.Reviews;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.Gender;
import org.backcare.therapist.Licence;
import org.backcare.therapist.NewTherapist;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;
import org.backcare.therapist.WorkingInterval;
import org.backcare.waitlist.TimeWindow;
import org.backcare.waitlist.Waitlist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a demo clinic into an empty database: six therapists with different techniques,
 * hours and licence states (one expired, one expiring within 30 days), and a few clients.
 * Licence dates are relative to the day of seeding so the states stay meaningful.
 *
 * <p>
 * Also one account per role (see {@link DemoAccounts}), whose passwords the login page
 * shows in demo mode.
 *
 * <p>
 * Idempotent even when two instances start at once: the check and the seed run in one
 * transaction under an advisory lock.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "backcare.demo.enabled", matchIfMissing = true)
class DemoClinic implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	private final Clinics clinics;

	private final Therapists therapists;

	private final Clients clients;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Intakes intakes;

	private final Bookings bookings;

	private final Reviews reviews;

	private final Credentials credentials;

	private final Waitlist waitlist;

	private final SessionNotes notes;

	private final Feedbacks feedbacks;

	private final DemoProgress progress;

	DemoClinic(Clinics clinics, Therapists therapists, Clients clients, Accounts accounts, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock, Intakes intakes, Bookings bookings, Reviews reviews,
			Credentials credentials, Waitlist waitlist, SessionNotes notes, Feedbacks feedbacks,
			DemoProgress progress) {
		this.progress = progress;
		this.waitlist = waitlist;
		this.notes = notes;
		this.feedbacks = feedbacks;
		this.credentials = credentials;
		this.reviews = reviews;
		this.intakes = intakes;
		this.bookings = bookings;
		this.clinics = clinics;
		this.therapists = therapists;
		this.clients = clients;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('backcare-demo-clinic'))").query().singleValue();
			var existing = this.clinics.first();
			if (existing.isPresent()) {
				// A database seeded before accounts existed gets its demo accounts now.
				if (!this.accounts.exists(DemoAccounts.ADMIN.email())) {
					seedAccounts(existing.get());
				}
				return;
			}
			Clinic clinic = seed();
			seedAccounts(clinic);
			seedIntakes(clinic);
			log.info("Seeded the demo clinic '{}' ({}) into an empty database", clinic.name(), clinic.zone());
		});
	}

	private Clinic seed() {
		Clinic clinic = this.clinics.open("Riverside Back Care", "Uferstraße 12, 10999 Berlin", ZONE,
				ServiceType.standardMenu());
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		register(clinic, "Anna Keller", "Calm, thorough Swedish and deep-tissue work for desk-bound lower backs.",
				List.of("de", "en"), 12, licence("BE-MT-2019-0412", today.minusYears(3), today.plusYears(2)),
				EnumSet.of(Technique.SWEDISH, Technique.DEEP_TISSUE), hours(WEEKDAYS, "09:00-17:00"));
		register(clinic, "Ben Okafor", "Former athlete; trigger points and deep tissue for lifting and sports strains.",
				List.of("en"), 8, licence("BE-MT-2021-1177", today.minusYears(2), today.plusDays(20)),
				EnumSet.of(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT),
				hours(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "08:00-12:00",
						"13:00-18:00"));
		register(clinic, "Clara Jensen", "Myofascial release for long-standing back pain; gentle and patient.",
				List.of("da", "de", "en"), 15, licence("BE-MT-2011-0093", today.minusYears(5), today.plusYears(1)),
				EnumSet.of(Technique.MYOFASCIAL_RELEASE, Technique.SWEDISH),
				concat(hours(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "12:00-20:00"),
						hours(EnumSet.of(DayOfWeek.SATURDAY), "09:00-13:00")));
		register(clinic, "David Moreau", "Trigger point and myofascial work; licence renewal pending.",
				List.of("fr", "en"), 5, licence("BE-MT-2020-0871", today.minusYears(3), today.minusDays(10)),
				EnumSet.of(Technique.TRIGGER_POINT, Technique.MYOFASCIAL_RELEASE),
				hours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), "10:00-18:00"));
		TherapistId elif = register(clinic, "Elif Yılmaz", "Early and evening sessions around office hours.",
				List.of("tr", "de"), 3, licence("BE-MT-2023-0342", today.minusYears(1), today.plusYears(3)),
				EnumSet.of(Technique.SWEDISH, Technique.DEEP_TISSUE, Technique.TRIGGER_POINT),
				hours(WEEKDAYS, "07:30-11:30", "15:00-19:00"));
		register(clinic, "Farah Haddad", "Twenty years with chronic back pain; all four techniques.",
				List.of("ar", "en", "fr"), 20, licence("BE-MT-2006-0020", today.minusYears(10), today.plusYears(4)),
				EnumSet.allOf(Technique.class),
				hours(EnumSet.range(DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY), "09:00-15:00"));
		// Someone who has left: on the front desk's staff list, kept with their history,
		// no longer listed or bookable.
		TherapistId greta = register(clinic, "Greta Lindqvist", "Sports massage; moved to Hamburg.",
				List.of("sv", "de"), 9, licence("BE-MT-2016-0655", today.minusYears(6), today.plusYears(1)),
				EnumSet.of(Technique.SWEDISH), hours(WEEKDAYS, "09:00-17:00"));
		this.therapists.deactivate(greta);
		LocalDate nextWednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
		this.therapists.addTimeOff(elif, new TimeRange(nextWednesday.atStartOfDay(ZONE).toInstant(),
				nextWednesday.plusDays(1).atStartOfDay(ZONE).toInstant()), "Training day");
		this.clients.register(clinic.id(), "Maria Schmidt", "maria.schmidt@example.org", "+49 30 5550101",
				LocalDate.of(1984, 3, 14));
		this.clients.register(clinic.id(), "Jonas Weber", "jonas.weber@example.org", "+49 30 5550102",
				LocalDate.of(1991, 11, 2));
		this.clients.register(clinic.id(), "Sofia Rossi", "sofia.rossi@example.org", "+49 30 5550103",
				LocalDate.of(1976, 7, 23));
		this.clients.register(clinic.id(), "Tom Becker", "tom.becker@example.org", "+49 30 5550104",
				LocalDate.of(1968, 1, 30));
		return clinic;
	}

	private void seedAccounts(Clinic clinic) {
		TherapistId anna = this.therapists.all(clinic.id())
			.stream()
			.filter(therapist -> therapist.name().equals("Anna Keller"))
			.findFirst()
			.orElseThrow()
			.id();
		var maria = this.clients.all(clinic.id())
			.stream()
			.filter(client -> client.email().equals(DemoAccounts.CLIENT.email()))
			.findFirst()
			.orElseThrow()
			.id();
		this.accounts.open(clinic.id(), DemoAccounts.ADMIN.email(), DemoAccounts.ADMIN.password(), Role.ADMIN, null,
				null);
		this.accounts.open(clinic.id(), DemoAccounts.THERAPIST.email(), DemoAccounts.THERAPIST.password(),
				Role.THERAPIST, null, anna);
		this.accounts.giveConsents(this.accounts.open(clinic.id(), DemoAccounts.CLIENT.email(),
				DemoAccounts.CLIENT.password(), Role.CLIENT, maria, null));
	}

	/** Entered by the demo front desk, as from paper forms. */
	private void seedIntakes(Clinic clinic) {
		var admin = this.accounts.idOf(DemoAccounts.ADMIN.email()).flatMap(this.accounts::find).orElseThrow();
		Map<String, IntakeAnswers> intakes = Map.of("jonas.weber@example.org", DemoIntakes.liftingStrain(),
				"sofia.rossi@example.org", DemoIntakes.chronicOnBloodThinners(), "tom.becker@example.org",
				DemoIntakes.historyOfCancer());
		this.clients.all(clinic.id())
			.stream()
			.filter(client -> intakes.containsKey(client.email()))
			.forEach(client -> this.intakes.submit(admin, client.id(), intakes.get(client.email())));
		// Sofia has a session with Anna (the demo therapist account), so Anna sees her
		// assessment.
		var sofia = this.clients.all(clinic.id())
			.stream()
			.filter(client -> client.email().equals("sofia.rossi@example.org"))
			.findFirst()
			.orElseThrow();
		var anna = this.therapists.all(clinic.id())
			.stream()
			.filter(therapist -> therapist.name().equals("Anna Keller"))
			.findFirst()
			.orElseThrow();
		// Four or more days ahead, so the booking page's default day (tomorrow) stays
		// untouched.
		LocalDate day = LocalDate.now(this.clock.withZone(ZONE)).plusDays(4);
		while (!WEEKDAYS.contains(day.getDayOfWeek())) {
			day = day.plusDays(1);
		}
		this.bookings.book(new BookingRequest(sofia.id(), anna.id(), ServiceType.TREATMENT_60,
				day.atTime(14, 0).atZone(ZONE).toInstant(), Technique.SWEDISH), null, null);
		seedCalendarDay(clinic, day);
		seedReviews(clinic);
		seedFrontDesk(clinic);
		seedWaitlist(clinic, admin);
		seedNotes(clinic);
	}

	/**
	 * Anna's notes of past sessions: Maria's two days ago, signed and shared with her
	 * (she reads it under "My appointments" and can say how it went); Sofia's three days
	 * ago, signed, with an amendment, for the staff only, and Sofia's feedback on it (too
	 * firm on the left), so Anna's day shows a proposal for Sofia's coming session:
	 * lighter there.
	 */
	private void seedNotes(Clinic clinic) {
		CurrentUser anna = this.accounts.idOf(DemoAccounts.THERAPIST.email())
			.flatMap(this.accounts::find)
			.orElseThrow();
		Map<String, Client> people = new HashMap<>();
		this.clients.all(clinic.id()).forEach(client -> people.put(client.name().split(" ")[0], client));
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		SessionNote shared = signedNote(anna, people.get("Maria"), today.minusDays(2), new NoteContent(
				"Lower back stiff after long days at the desk; worse in the evening. Slept better since last time.", 3,
				"Hypertonic lumbar erectors, left more than right; tender at L4–L5 on the left. Full range of motion.",
				"Responded well to sustained Swedish work; tension eased on the left.",
				"Same areas next week. Walk 20 minutes a day; stand up every half hour at work.", 50,
				List.of(new TreatedArea(PainRegion.LOWER_BACK_LEFT, Technique.SWEDISH, TreatmentPressure.FIRM),
						new TreatedArea(PainRegion.LOWER_BACK_RIGHT, Technique.SWEDISH, TreatmentPressure.MEDIUM),
						new TreatedArea(PainRegion.UPPER_BACK, Technique.SWEDISH, TreatmentPressure.LIGHT))));
		this.notes.share(anna, shared.id(), true);
		SessionNote signed = signedNote(anna, people.get("Sofia"), today.minusDays(3), new NoteContent(
				"Chronic ache across the lower back, on blood thinners; bruises easily.", 6,
				"Diffuse tension, no swelling; old bruise over the right hip.",
				"Tolerated medium pressure; no bruising after the session.",
				"Medium Swedish work at most; no deep pressure. Heat at home, 15 minutes.", 45,
				List.of(new TreatedArea(PainRegion.LOWER_BACK_LEFT, Technique.SWEDISH, TreatmentPressure.MEDIUM),
						new TreatedArea(PainRegion.LOWER_BACK_RIGHT, Technique.SWEDISH, TreatmentPressure.MEDIUM))));
		this.notes.amend(anna, signed.id(), "The bruise was over the left hip, not the right",
				"Objective: the old bruise was over the left hip.");
		var admin = this.accounts.idOf(DemoAccounts.ADMIN.email()).flatMap(this.accounts::find).orElseThrow();
		this.progress.seed(ZONE, admin, anna, people.get("Maria"));
		Client sofiaClient = people.get("Sofia");
		// Sofia has no account in the demo: her feedback is given as she would give it,
		// by
		// a principal made for the purpose (as the demo reviews are written).
		CurrentUser asSofia = new CurrentUser(new AccountId(UUID.randomUUID()), clinic.id(), sofiaClient.email(),
				Role.CLIENT, sofiaClient.id(), null, 0);
		this.feedbacks.give(asSofia, signed.appointmentId(),
				new FeedbackAnswers(PressureVerdict.RIGHT, Map.of(PainRegion.LOWER_BACK_LEFT, PressureVerdict.TOO_FIRM),
						3, 4, 5, "The heat pack before the session", "Less pressure on the left side", Set.of()));
	}

	/**
	 * A session of the client with Anna at 09:00 on the day, recorded as held, and Anna's
	 * signed note of it.
	 */
	private SessionNote signedNote(CurrentUser anna, Client client, LocalDate day, NoteContent content) {
		AppointmentId session = this.bookings
			.recordPastSession(client.id(), anna.therapist(), ServiceType.TREATMENT_60, Technique.SWEDISH,
					day.atTime(9, 0).atZone(ZONE).toInstant())
			.id();
		this.notes.save(anna, session, content);
		return this.notes.sign(anna, session);
	}

	/**
	 * Two clients waiting for Anna's time, put on the list by the front desk: Maria (the
	 * demo client) for a first consultation on weekdays, Jonas for deep tissue in the
	 * mornings. Cancel a session of Anna's as the front desk and, once the edit has
	 * settled, both are offered the time in the mailbox.
	 */
	private void seedWaitlist(Clinic clinic, CurrentUser admin) {
		Map<String, Client> people = new HashMap<>();
		this.clients.all(clinic.id()).forEach(client -> people.put(client.name().split(" ")[0], client));
		TherapistId anna = this.therapists.all(clinic.id())
			.stream()
			.filter(therapist -> therapist.name().equals("Anna Keller"))
			.findFirst()
			.orElseThrow()
			.id();
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		this.waitlist.join(admin,
				new Waitlist.Wish(people.get("Maria").id(), ServiceType.FIRST_CONSULTATION, anna, null, today,
						today.plusWeeks(3),
						List.of(new TimeWindow(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0)))));
		this.waitlist.join(admin,
				new Waitlist.Wish(people.get("Jonas").id(), ServiceType.TREATMENT_60, null, Technique.DEEP_TISSUE,
						today, today.plusWeeks(4),
						List.of(new TimeWindow(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(13, 0)))));
	}

	/**
	 * The same day on the front desk's calendar: Jonas with Anna in the morning (Anna
	 * works every weekday), Clara away in the afternoon.
	 */
	private void seedCalendarDay(Clinic clinic, LocalDate day) {
		Map<String, Therapist> staff = new HashMap<>();
		this.therapists.all(clinic.id()).forEach(therapist -> staff.put(therapist.name().split(" ")[0], therapist));
		Client jonas = this.clients.all(clinic.id())
			.stream()
			.filter(client -> client.email().equals("jonas.weber@example.org"))
			.findFirst()
			.orElseThrow();
		this.bookings.book(new BookingRequest(jonas.id(), staff.get("Anna").id(), ServiceType.TREATMENT_60,
				day.atTime(10, 0).atZone(ZONE).toInstant(), null), null, null);
		this.therapists.addTimeOff(staff.get("Clara").id(),
				new TimeRange(day.atTime(13, 0).atZone(ZONE).toInstant(), day.atTime(17, 0).atZone(ZONE).toInstant()),
				"Training course");
	}

	/**
	 * How the demo clients found the clinic, and Ben's licence renewal waiting to be
	 * verified.
	 */
	private void seedFrontDesk(Clinic clinic) {
		Map<String, FoundVia> foundVia = Map.of("Maria", FoundVia.FRIEND, "Jonas", FoundVia.SEARCH, "Sofia",
				FoundVia.DOCTOR_OR_PHYSIO, "Tom", FoundVia.DOCTOR_OR_PHYSIO);
		this.clients.all(clinic.id()).forEach(client -> {
			String first = client.name().split(" ")[0];
			this.clients.recordFoundVia(client.id(), foundVia.get(first),
					foundVia.get(first) == FoundVia.DOCTOR_OR_PHYSIO ? "Dr. Lena Weber, Kreuzberg" : null);
		});
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		this.therapists.all(clinic.id())
			.stream()
			.filter(therapist -> therapist.name().equals("Ben Okafor"))
			.findFirst()
			.ifPresent(ben -> this.credentials.addLicence(ben.id(), "Berlin, Germany", "BE-MT-2026-2310",
					today.plusDays(21), today.plusYears(3), "renewal-scan-BO.pdf"));
	}

	/**
	 * Past sessions and the reviews their clients wrote, so the profiles and the ranking
	 * have something to show. The reviewers have no accounts in the demo, so each review
	 * is written as that client would write it, by a principal made for the purpose.
	 */
	private void seedReviews(Clinic clinic) {
		Map<String, Client> people = new HashMap<>();
		this.clients.all(clinic.id()).forEach(client -> people.put(client.name().split(" ")[0], client));
		Map<String, Therapist> staff = new HashMap<>();
		this.therapists.all(clinic.id()).forEach(therapist -> staff.put(therapist.name().split(" ")[0], therapist));
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		int weeksAgo = 2;
		for (DemoReviews.Entry entry : DemoReviews.ENTRIES) {
			var client = people.get(entry.client());
			var therapist = staff.get(entry.therapist());
			LocalDate day = today.minusWeeks(weeksAgo++).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
			this.bookings.recordPastSession(client.id(), therapist.id(), ServiceType.TREATMENT_60, null,
					day.atTime(11, 0).atZone(ZONE).toInstant());
			var reviewer = new CurrentUser(new AccountId(UUID.randomUUID()), clinic.id(), client.email(), Role.CLIENT,
					client.id(), null, 0);
			var review = this.reviews.write(reviewer, therapist.id(), entry.ratings(), entry.text());
			if (entry.reply() != null) {
				this.reviews.reply(new CurrentUser(new AccountId(UUID.randomUUID()), clinic.id(),
						"demo@riverside.example", Role.THERAPIST, null, therapist.id(), 0), review.id(), entry.reply());
			}
		}
	}

	private TherapistId register(Clinic clinic, String name, String bio, List<String> languages, int years,
			Licence licence, Set<Technique> techniques, List<WorkingInterval> hours) {
		Map<Technique, LocalDate> certified = new EnumMap<>(Technique.class);
		int n = 0;
		for (Technique technique : techniques) {
			certified.put(technique, licence.validFrom().minusMonths(3L * ++n).withDayOfMonth(1));
		}
		return this.therapists.register(clinic.id(), new NewTherapist(name, bio, languages, years, List.of(licence),
				techniques, hours, GENDERS.getOrDefault(name, Gender.UNDISCLOSED), certified));
	}

	private static final Map<String, Gender> GENDERS = Map.of("Anna Keller", Gender.WOMAN, "Ben Okafor", Gender.MAN,
			"Clara Jensen", Gender.WOMAN, "David Moreau", Gender.MAN, "Elif Yılmaz", Gender.WOMAN, "Farah Haddad",
			Gender.WOMAN);

	private static Licence licence(String number, LocalDate from, LocalDate until) {
		return new Licence("Berlin, Germany", number, from, until);
	}

	private static List<WorkingInterval> hours(Set<DayOfWeek> days, String... spans) {
		List<WorkingInterval> intervals = new ArrayList<>();
		for (DayOfWeek day : days) {
			for (String span : spans) {
				String[] ends = span.split("-");
				intervals.add(new WorkingInterval(day, LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
			}
		}
		return intervals;
	}

	@SafeVarargs
	private static List<WorkingInterval> concat(List<WorkingInterval>... parts) {
		List<WorkingInterval> all = new ArrayList<>();
		for (List<WorkingInterval> part : parts) {
			all.addAll(part);
		}
		return all;
	}

}
