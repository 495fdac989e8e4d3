package org.backcare.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.backcare.clinic.BookingWindow;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each rule that refuses a start, at its boundary: the last allowed moment and the first
 * refused one.
 */
class BookingRulesTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final Clinic CLINIC = new Clinic(new ClinicId(UUID.randomUUID()), "C", "", BERLIN);

	static final BookingRules RULES = new BookingRules();

	/** Monday 11 January 2027, 08:00 in Berlin. */
	static final Instant NOW = ZonedDateTime.of(2027, 1, 11, 8, 0, 0, 0, BERLIN).toInstant();

	final Therapist therapist = FreeSlotsTest.therapist("08:00", "20:00");

	@Test
	void exactlyTheMinimumNoticeIsEnoughAndAQuarterLessIsTooSoon() {
		assertAllowed(NOW.plus(Duration.ofHours(2)));
		assertRefused(NOW.plus(Duration.ofMinutes(105)), "too-soon");
	}

	@Test
	void exactlyTheHorizonIsAllowedAndAQuarterMoreIsBeyondIt() {
		assertAllowed(NOW.plus(Duration.ofDays(90)));
		assertRefused(NOW.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(15)), "beyond-horizon");
	}

	@Test
	void aClinicsOwnNoticeAndHorizonHoldAtTheirBoundaries() {
		Clinic strict = new Clinic(CLINIC.id(), "Strict", "", BERLIN,
				new BookingWindow(Duration.ofHours(24), Duration.ofDays(14)));
		assertThatCode(() -> RULES.check(strict, this.therapist, FreeSlotsTest.SIXTY, null,
				NOW.plus(Duration.ofHours(24)), none -> List.of(), NOW))
			.doesNotThrowAnyException();
		BookingRefused tooSoon = catchThrowableOfType(BookingRefused.class,
				() -> RULES.check(strict, this.therapist, FreeSlotsTest.SIXTY, null,
						NOW.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(15)), none -> List.of(), NOW));
		assertThat(tooSoon.rule()).isEqualTo("too-soon");
		assertThat(tooSoon.getMessage()).contains("at least 24 hours ahead");
		assertThatCode(() -> RULES.check(strict, this.therapist, FreeSlotsTest.SIXTY, null,
				NOW.plus(Duration.ofDays(14)), none -> List.of(), NOW))
			.doesNotThrowAnyException();
		assertThat(catchThrowableOfType(BookingRefused.class,
				() -> RULES.check(strict, this.therapist, FreeSlotsTest.SIXTY, null,
						NOW.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(15)), none -> List.of(), NOW))
			.getMessage()).isEqualTo("Sessions can be booked at most 14 days ahead.");
	}

	@Test
	void aTherapistWhoHasLeftTakesNoBookings() {
		Therapist t = this.therapist;
		Therapist left = new Therapist(t.id(), t.clinicId(), t.name(), t.bio(), t.languages(),
				t.yearsTreatingBackPain(), t.licences(), t.techniques(), t.hours(), t.gender(), t.certifiedOn(),
				t.certifiedUntil(), false);
		assertThat(refusal(left, null, at(2027, 1, 12, 10, 0), List.of())).isEqualTo("therapist-inactive");
	}

	@Test
	void startsOffTheQuarterHourAreRefused() {
		assertRefused(at(2027, 1, 12, 10, 5), "off-grid");
		assertRefused(at(2027, 1, 12, 10, 0).plusSeconds(1), "off-grid");
	}

	@Test
	void aSessionMustEndByClosingTime() {
		assertAllowed(at(2027, 1, 12, 19, 0));
		assertRefused(at(2027, 1, 12, 19, 15), "outside-working-hours");
		assertAllowed(at(2027, 1, 12, 8, 0));
		assertRefused(at(2027, 1, 12, 7, 45), "outside-working-hours");
	}

	@Test
	void theLicenceCoversItsLastDayButNotTheNext() {
		Therapist lapsing = FreeSlotsTest.therapist("08:00", "20:00",
				new Licence("Berlin", "L", LocalDate.of(2020, 1, 1), LocalDate.of(2027, 1, 12)));
		assertThatCode(() -> check(lapsing, null, at(2027, 1, 12, 19, 0), List.of())).doesNotThrowAnyException();
		assertThat(refusal(lapsing, null, at(2027, 1, 13, 8, 0), List.of())).isEqualTo("licence-not-valid");
	}

	@Test
	void onlyCertifiedTechniquesCanBeBooked() {
		assertThatCode(() -> check(this.therapist, Technique.SWEDISH, at(2027, 1, 12, 10, 0), List.of()))
			.doesNotThrowAnyException();
		assertThat(refusal(this.therapist, Technique.DEEP_TISSUE, at(2027, 1, 12, 10, 0), List.of()))
			.isEqualTo("technique-not-certified");
	}

	@Test
	void timeOffRefusesOverlappingSessionsButNotAdjacentOnes() {
		List<TimeRange> away = List.of(new TimeRange(at(2027, 1, 12, 12, 0), at(2027, 1, 12, 13, 0)));
		assertThatCode(() -> check(this.therapist, null, at(2027, 1, 12, 11, 0), away)).doesNotThrowAnyException();
		assertThat(refusal(this.therapist, null, at(2027, 1, 12, 12, 45), away)).isEqualTo("therapist-time-off");
		assertThatCode(() -> check(this.therapist, null, at(2027, 1, 12, 13, 0), away)).doesNotThrowAnyException();
	}

	@Test
	void onTheSpringForwardDayWorkingHoursFollowTheWallClock() {
		Instant springNow = ZonedDateTime.of(2027, 3, 26, 8, 0, 0, 0, BERLIN).toInstant();
		Instant nineLocal = ZonedDateTime.of(2027, 3, 28, 9, 0, 0, 0, BERLIN).toInstant();
		assertThatCode(() -> RULES.check(CLINIC, this.therapist, FreeSlotsTest.SIXTY, null, nineLocal,
				none -> List.of(), springNow))
			.doesNotThrowAnyException();
		// 07:45 local is before opening even though it is 08:45 by the previous day's
		// offset.
		Instant quarterToEight = ZonedDateTime.of(2027, 3, 28, 7, 45, 0, 0, BERLIN).toInstant();
		assertThat(catchThrowableOfType(BookingRefused.class, () -> RULES.check(CLINIC, this.therapist,
				FreeSlotsTest.SIXTY, null, quarterToEight, none -> List.of(), springNow))
			.rule()).isEqualTo("outside-working-hours");
	}

	@Test
	void onTheFallBackDayTheRepeatedHourIsBookableAndClosingTimeIsLocal() {
		Instant autumnNow = ZonedDateTime.of(2026, 10, 23, 8, 0, 0, 0, BERLIN).toInstant();
		Instant sevenLocal = ZonedDateTime.of(2026, 10, 25, 19, 0, 0, 0, BERLIN).toInstant();
		assertThatCode(() -> RULES.check(CLINIC, this.therapist, FreeSlotsTest.SIXTY, null, sevenLocal,
				none -> List.of(), autumnNow))
			.doesNotThrowAnyException();
		Instant quarterPastSeven = ZonedDateTime.of(2026, 10, 25, 19, 15, 0, 0, BERLIN).toInstant();
		assertThat(catchThrowableOfType(BookingRefused.class, () -> RULES.check(CLINIC, this.therapist,
				FreeSlotsTest.SIXTY, null, quarterPastSeven, none -> List.of(), autumnNow))
			.rule()).isEqualTo("outside-working-hours");
	}

	private void assertAllowed(Instant start) {
		assertThatCode(() -> check(this.therapist, null, start, List.of())).doesNotThrowAnyException();
	}

	private void assertRefused(Instant start, String rule) {
		assertThat(refusal(this.therapist, null, start, List.of())).isEqualTo(rule);
	}

	private static String refusal(Therapist therapist, Technique technique, Instant start, List<TimeRange> away) {
		return catchThrowableOfType(BookingRefused.class, () -> check(therapist, technique, start, away)).rule();
	}

	private static void check(Therapist therapist, Technique technique, Instant start, List<TimeRange> away) {
		RULES.check(CLINIC, therapist, FreeSlotsTest.SIXTY, technique, start, session -> away, NOW);
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN).toInstant();
	}

}
