package org.backcare.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.client.ClientId;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Licence;
import org.backcare.therapist.NewTherapist;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;
import org.backcare.therapist.WorkingInterval;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first free slots across a clinic, searched in the order the therapists' days begin
 * and stopped early ({@link FirstFreeSearch}), are exactly what working out every
 * therapist's whole range and taking the soonest would give: for clinics with many
 * therapists starting at the same minute (ties decided by id, paged over), split days,
 * time off, sessions, therapists who left or lack the technique, and the daylight-saving
 * days on which two local times are the same instant. Runs in the settable-clock context
 * of {@link SeriesAcrossDaylightSavingTest} (one context for both).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ ClinicFixture.class, SeriesAcrossDaylightSavingTest.SettableClockConfiguration.class })
class FirstFreeSlotsTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	SeriesAcrossDaylightSavingTest.SettableClock clock;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Availability availability;

	@Autowired
	Therapists therapists;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBusyClinicWithManyTiesGivesWhatEveryTherapistsWholeRangeWould() {
		this.clock.set(Instant.now());
		TestClinic clinic = this.fixture.open(BERLIN);
		LocalDate day = clinic.today().plusDays(3);
		for (int i = 0; i < 60; i++) {
			List<WorkingInterval> hours = switch (i % 5) {
				case 0 -> everyDay(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(20, 0));
				case 1 -> everyDay(LocalTime.of(9, 30), LocalTime.of(18, 0));
				case 2, 4 -> everyDay(LocalTime.of(8, 0), LocalTime.of(20, 0));
				default -> everyDay(LocalTime.of(7, 15), LocalTime.of(9, 0), LocalTime.of(17, 0), LocalTime.of(19, 0));
			};
			TherapistId therapist = register(clinic, hours, (i % 3 == 0) ? EnumSet.of(Technique.SWEDISH)
					: EnumSet.of(Technique.SWEDISH, Technique.DEEP_TISSUE));
			if (i % 5 == 4) {
				// Booked from 08:00 to 10:15 (buffers included) on the first day.
				ClientId client = clinic.client();
				session(clinic, therapist, client, day, LocalTime.of(8, 0));
				session(clinic, therapist, client, day, LocalTime.of(9, 15));
			}
		}
		// The earliest starters of all: one left the clinic, one is away that morning.
		TherapistId left = register(clinic, everyDay(LocalTime.of(6, 0), LocalTime.of(20, 0)),
				EnumSet.of(Technique.SWEDISH, Technique.DEEP_TISSUE));
		this.therapists.deactivate(left);
		TherapistId away = register(clinic, everyDay(LocalTime.of(6, 0), LocalTime.of(20, 0)),
				EnumSet.of(Technique.SWEDISH, Technique.DEEP_TISSUE));
		this.therapists.addTimeOff(away, new TimeRange(day.atTime(5, 0).atZone(BERLIN).toInstant(),
				day.atTime(11, 0).atZone(BERLIN).toInstant()), "dentist");

		for (Technique technique : new Technique[] { Technique.DEEP_TISSUE, null }) {
			for (int limit : new int[] { 1, 3, 10, 16, 17, 40, 200, 2000 }) {
				assertThat(this.availability.firstFree(clinic.clinic().id(), technique, "TREATMENT_60", day,
						day.plusDays(2), limit))
					.as("first %d for %s", limit, technique)
					.containsExactlyElementsOf(
							everyonesSoonest(clinic, "TREATMENT_60", technique, day, day.plusDays(2), limit));
			}
		}
		assertThat(this.availability.firstFree(clinic.clinic().id(), null, "TREATMENT_60", day, day, 1)).singleElement()
			.satisfies(slot -> {
				assertThat(slot.therapist()).isNotIn(left, away);
				assertThat(slot.start()).isEqualTo(day.atTime(7, 15).atZone(BERLIN).toInstant());
			});
	}

	@Test
	void aTieAtTheSameMinuteAcrossPagesGoesByIdAsTheDatabaseOrdersThem() {
		this.clock.set(Instant.now());
		assertSameAsEveryTherapistsRange(this.fixture.open(BERLIN), LocalDate.now(BERLIN).plusDays(3),
				LocalTime.of(9, 0));
	}

	@Test
	void onTheSpringForwardDayTwoAndThreeOClockAreTheSameInstantAndNeitherIsMissed() {
		// Berlin, 2026-03-29: 02:00 becomes 03:00; a day starting at 02:00 starts at
		// 03:00.
		this.clock.set(Instant.parse("2026-02-16T08:00:00Z"));
		assertSameAsEveryTherapistsRange(LocalDate.of(2026, 3, 29), LocalTime.of(2, 0), LocalTime.of(3, 0));
		assertSameAsEveryTherapistsRange(LocalDate.of(2026, 3, 29), LocalTime.of(1, 0), LocalTime.of(1, 30),
				LocalTime.of(2, 0), LocalTime.of(2, 30), LocalTime.of(3, 0), LocalTime.of(3, 30));
	}

	@Test
	void aDayBeginningInsideTheSpringForwardGapBoundsNobodyBeginningJustAfterIt() {
		// 02:30 that day is taken as 03:30, yet a day beginning at 03:00 begins sooner: a
		// page that ends at a 02:30 starter must not stop the search at 03:15.
		this.clock.set(Instant.parse("2026-02-16T08:00:00Z"));
		LocalDate day = LocalDate.of(2026, 3, 29);
		TestClinic clinic = this.fixture.open(BERLIN);
		for (int i = 0; i < 15; i++) {
			TherapistId early = register(clinic, everyDay(LocalTime.of(1, 0), LocalTime.of(8, 0)),
					EnumSet.of(Technique.SWEDISH));
			this.therapists.addTimeOff(early,
					new TimeRange(day.atStartOfDay(BERLIN).toInstant(), day.atTime(3, 15).atZone(BERLIN).toInstant()),
					"away until a quarter past three");
		}
		register(clinic, everyDay(LocalTime.of(2, 30), LocalTime.of(8, 0)), EnumSet.of(Technique.SWEDISH));
		for (int i = 0; i < 5; i++) {
			register(clinic, everyDay(LocalTime.of(3, 0), LocalTime.of(8, 0)), EnumSet.of(Technique.SWEDISH));
		}
		assertThat(this.availability.firstFree(clinic.clinic().id(), null, "FIRST_CONSULTATION", day, day, 1))
			.singleElement()
			.satisfies(slot -> assertThat(slot.start()).isEqualTo(day.atTime(3, 0).atZone(BERLIN).toInstant()));
		for (int limit : new int[] { 1, 5, 6, 16, 40 }) {
			assertThat(this.availability.firstFree(clinic.clinic().id(), null, "FIRST_CONSULTATION", day, day, limit))
				.containsExactlyElementsOf(everyonesSoonest(clinic, "FIRST_CONSULTATION", null, day, day, limit));
		}
	}

	@Test
	void onTheFallBackDayTheRepeatedHourIsSearchedInRealTime() {
		// Berlin, 2026-10-25: 03:00 becomes 02:00 again.
		this.clock.set(Instant.parse("2026-09-21T08:00:00Z"));
		assertSameAsEveryTherapistsRange(LocalDate.of(2026, 10, 25), LocalTime.of(1, 30), LocalTime.of(2, 0),
				LocalTime.of(2, 30), LocalTime.of(3, 0));
	}

	/**
	 * 40 therapists whose days begin at the given local times in turn, until 08:00 or
	 * 17:00.
	 */
	private void assertSameAsEveryTherapistsRange(LocalDate day, LocalTime... starts) {
		assertSameAsEveryTherapistsRange(this.fixture.open(BERLIN), day, starts);
	}

	private void assertSameAsEveryTherapistsRange(TestClinic clinic, LocalDate day, LocalTime... starts) {
		for (int i = 0; i < 40; i++) {
			LocalTime begins = starts[i % starts.length];
			register(clinic, everyDay(begins, LocalTime.of(begins.isBefore(LocalTime.of(8, 0)) ? 8 : 17, 0)),
					EnumSet.of(Technique.SWEDISH));
		}
		for (int limit : new int[] { 1, 5, 10, 16, 20, 33, 60, 500 }) {
			assertThat(this.availability.firstFree(clinic.clinic().id(), null, "FIRST_CONSULTATION", day, day, limit))
				.as("first %d on %s", limit, day)
				.containsExactlyElementsOf(everyonesSoonest(clinic, "FIRST_CONSULTATION", null, day, day, limit));
		}
	}

	/**
	 * The answer worked out the long way: every qualified therapist's free slots over the
	 * whole range, soonest first (ties by id as PostgreSQL orders them), the first
	 * {@code limit}.
	 */
	private List<Slot> everyonesSoonest(TestClinic clinic, String service, Technique technique, LocalDate from,
			LocalDate to, int limit) {
		return this.therapists.all(clinic.clinic().id())
			.stream()
			.filter(therapist -> technique == null || therapist.certifiedIn(technique))
			.map(Therapist::id)
			.flatMap(id -> this.availability.of(id, service, technique, from, to).stream())
			.sorted(FirstFreeSearch.SOONEST)
			.limit(limit)
			.toList();
	}

	private TherapistId register(TestClinic clinic, List<WorkingInterval> hours, EnumSet<Technique> techniques) {
		LocalDate today = clinic.today();
		return this.therapists.register(clinic.clinic().id(),
				new NewTherapist("Therapist " + UUID.randomUUID().toString().substring(0, 8), "", List.of("en"), 5, List
					.of(new Licence("Berlin", "LIC-" + UUID.randomUUID(), today.minusYears(1), today.plusYears(1))),
						techniques, hours));
	}

	/** The same intervals (start, end, start, end, …) every day of the week. */
	private static List<WorkingInterval> everyDay(LocalTime... bounds) {
		List<WorkingInterval> hours = new ArrayList<>();
		for (DayOfWeek weekday : DayOfWeek.values()) {
			for (int i = 0; i < bounds.length; i += 2) {
				hours.add(new WorkingInterval(weekday, bounds[i], bounds[i + 1]));
			}
		}
		return hours;
	}

	private void session(TestClinic clinic, TherapistId therapist, ClientId client, LocalDate day, LocalTime at) {
		OffsetDateTime start = day.atTime(at).atZone(BERLIN).toOffsetDateTime();
		this.jdbc
			.sql("""
					INSERT INTO appointment (clinic_id, id, therapist_id, client_id, service_code, starts_at, ends_at, blocked_until)
					VALUES (?, ?, ?, ?, 'TREATMENT_60', ?, ?, ?)""")
			.params(clinic.clinic().id().value(), UUID.randomUUID(), therapist.value(), client.value(), start,
					start.plus(Duration.ofMinutes(60)), start.plus(Duration.ofMinutes(75)))
			.update();
	}

}
