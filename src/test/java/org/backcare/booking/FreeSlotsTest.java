package org.backcare.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.WeeklyHours;
import org.backcare.therapist.WorkingInterval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free start times, with daylight-saving days in both directions on both sides of the
 * Atlantic: no slot missing, none phantom, none duplicated, and 09:00–17:00 stays
 * 09:00–17:00 local.
 */
class FreeSlotsTest {

	static final ServiceType SIXTY = new ServiceType("TREATMENT_60", "60", Duration.ofMinutes(60),
			Duration.ofMinutes(15));

	static final ServiceType FIRST_CONSULTATION = new ServiceType("FIRST_CONSULTATION", "30", Duration.ofMinutes(30),
			Duration.ofMinutes(10));

	static final ServiceType NINETY = new ServiceType("TREATMENT_90", "90", Duration.ofMinutes(90),
			Duration.ofMinutes(15));

	static final Instant EVER = Instant.parse("2000-01-01T00:00:00Z");

	static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

	/** 09:00 to 16:00 every quarter hour: the last 60-minute session ends at 17:00. */
	static final List<LocalTime> NINE_TO_FIVE_STARTS = quarterHours(LocalTime.of(9, 0), LocalTime.of(16, 0));

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "Europe/Berlin, 2027-03-28", "Europe/Berlin, 2026-10-25", "America/New_York, 2027-03-14",
			"America/New_York, 2026-11-01", "Europe/Berlin, 2027-03-21" })
	void aNineToFiveDayHasTheSameWallClockSlotsOnDaylightSavingDays(ZoneId zone, LocalDate day) {
		List<Instant> starts = slots(therapist("09:00", "17:00"), SIXTY, zone, day, List.of());

		assertThat(starts).map(start -> start.atZone(zone).toLocalTime())
			.containsExactlyElementsOf(NINE_TO_FIVE_STARTS);
		assertThat(starts).map(start -> start.atZone(zone).toLocalDate()).containsOnly(day);
	}

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "Europe/Berlin, 2027-03-28, 02:00", "America/New_York, 2027-03-14, 02:00" })
	void springForwardNightHasNoSlotInTheMissingHour(ZoneId zone, LocalDate day, LocalTime gapStart) {
		List<Instant> starts = slots(therapist("00:00", "06:00"), SIXTY, zone, day, List.of());

		// 00:00–06:00 local is only five real hours that day: starts at 00:00 ... 05:00
		// real time.
		assertThat(starts).hasSize(17);
		assertThat(starts).map(start -> start.atZone(zone).toLocalTime())
			.noneMatch(local -> !local.isBefore(gapStart) && local.isBefore(gapStart.plusHours(1)));
		assertThat(starts).doesNotHaveDuplicates();
		assertThat(Duration.between(starts.get(0), starts.get(starts.size() - 1))).isEqualTo(Duration.ofHours(4));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "Europe/Berlin, 2026-10-25, 02:15", "America/New_York, 2026-11-01, 01:15" })
	void fallBackNightOffersTheRepeatedHourTwiceAsDistinctInstants(ZoneId zone, LocalDate day, LocalTime repeated) {
		List<Instant> starts = slots(therapist("00:00", "06:00"), SIXTY, zone, day, List.of());

		// Seven real hours that day: starts from 00:00 to 05:00 local, which is six real
		// hours later.
		assertThat(starts).hasSize(25);
		assertThat(starts).doesNotHaveDuplicates();
		assertThat(starts).filteredOn(start -> start.atZone(zone).toLocalTime().equals(repeated))
			.hasSize(2)
			.map(start -> start.atZone(zone).getOffset())
			.doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0} on {1}: {2}-{3}")
	@CsvSource({ "Europe/Berlin, 2027-03-28, 02:00, 03:00", "Europe/Berlin, 2027-03-28, 02:30, 03:00",
			"America/New_York, 2027-03-14, 02:00, 03:00" })
	void workingHoursThatFallEntirelyInTheMissingHourOfferNothingAndBreakNothing(ZoneId zone, LocalDate day,
			LocalTime from, LocalTime to) {
		assertThat(slots(therapist(from.toString(), to.toString()), FreeSlotsTest.FIRST_CONSULTATION, zone, day,
				List.of()))
			.isEmpty();
		assertThat(slots(therapist(from.toString(), to.toString()), FreeSlotsTest.FIRST_CONSULTATION, zone,
				day.plusDays(1), List.of()))
			.hasSize(from.equals(LocalTime.of(2, 0)) ? 3 : 1);
	}

	@Test
	void aWeekAcrossTheChangeHasNoMissingOrExtraDays() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Therapist therapist = therapist("09:00", "17:00");
		List<Instant> starts = FreeSlots.of(therapist, SIXTY, berlin, LocalDate.of(2027, 3, 25),
				LocalDate.of(2027, 3, 31), List.of(), List.of(), EVER, NEVER);

		assertThat(starts).hasSize(7 * NINE_TO_FIVE_STARTS.size());
		assertThat(new HashSet<>(starts)).hasSameSizeAs(starts);
	}

	@Test
	void aBookedSessionAndItsBufferBlockEveryOverlappingStart() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		LocalDate day = LocalDate.of(2027, 1, 12);
		Instant ten = day.atTime(10, 0).atZone(zone).toInstant();
		TimeRange booked = new TimeRange(ten, ten.plus(Duration.ofMinutes(75)));

		List<LocalTime> starts = local(slots(therapist("09:00", "17:00"), SIXTY, zone, day, List.of(booked)), zone);

		// A new 60+15 block must end by 10:00 (start 08:45, before opening) or start at
		// 11:15.
		assertThat(starts).startsWith(LocalTime.of(11, 15))
			.doesNotContain(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(10, 0), LocalTime.of(11, 0));
	}

	@Test
	void timeOffBlocksTheSessionButTheBufferMayRunIntoIt() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		LocalDate day = LocalDate.of(2027, 1, 12);
		TimeRange lunch = new TimeRange(day.atTime(12, 0).atZone(zone).toInstant(),
				day.atTime(13, 0).atZone(zone).toInstant());
		Therapist therapist = therapist("09:00", "17:00");

		List<LocalTime> starts = local(
				FreeSlots.of(therapist, SIXTY, zone, day, day, List.of(lunch), List.of(), EVER, NEVER), zone);

		assertThat(starts).contains(LocalTime.of(11, 0), LocalTime.of(13, 0))
			.doesNotContain(LocalTime.of(11, 15), LocalTime.of(12, 0), LocalTime.of(12, 45));
	}

	@Test
	void minimumNoticeAndHorizonBoundTheStartsInclusively() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		LocalDate day = LocalDate.of(2027, 1, 12);
		Instant earliest = day.atTime(10, 0).atZone(zone).toInstant();
		Instant latest = day.atTime(12, 0).atZone(zone).toInstant();

		List<LocalTime> starts = local(FreeSlots.of(therapist("09:00", "17:00"), SIXTY, zone, day, day, List.of(),
				List.of(), earliest, latest), zone);

		assertThat(starts).containsExactlyElementsOf(quarterHours(LocalTime.of(10, 0), LocalTime.of(12, 0)));
	}

	@Test
	void noSlotsOnDaysTheLicenceDoesNotCover() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		Therapist therapist = therapist("09:00", "17:00",
				new Licence("Berlin", "L1", LocalDate.of(2020, 1, 1), LocalDate.of(2027, 1, 12)));

		List<Instant> starts = FreeSlots.of(therapist, SIXTY, zone, LocalDate.of(2027, 1, 12),
				LocalDate.of(2027, 1, 13), List.of(), List.of(), EVER, NEVER);

		assertThat(starts).map(start -> start.atZone(zone).toLocalDate()).containsOnly(LocalDate.of(2027, 1, 12));
	}

	@Test
	void aLongerServiceHasFewerStartsInTheSameDay() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		LocalDate day = LocalDate.of(2027, 1, 12);

		assertThat(local(slots(therapist("09:00", "17:00"), NINETY, zone, day, List.of()), zone))
			.containsExactlyElementsOf(quarterHours(LocalTime.of(9, 0), LocalTime.of(15, 30)));
	}

	@Test
	void severalIntervalsADayEachOfferTheirOwnStarts() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		LocalDate day = LocalDate.of(2027, 1, 12);
		List<WorkingInterval> hours = List.of(
				new WorkingInterval(day.getDayOfWeek(), LocalTime.of(8, 0), LocalTime.of(10, 0)),
				new WorkingInterval(day.getDayOfWeek(), LocalTime.of(13, 0), LocalTime.of(14, 0)));
		Therapist therapist = new Therapist(new TherapistId(UUID.randomUUID()), new ClinicId(UUID.randomUUID()), "T",
				"", List.of(), 1, List.of(forever()), EnumSet.of(Technique.SWEDISH), new WeeklyHours(hours));

		assertThat(local(slots(therapist, SIXTY, zone, day, List.of()), zone)).containsExactly(LocalTime.of(8, 0),
				LocalTime.of(8, 15), LocalTime.of(8, 30), LocalTime.of(8, 45), LocalTime.of(9, 0), LocalTime.of(13, 0));
	}

	private static List<Instant> slots(Therapist therapist, ServiceType service, ZoneId zone, LocalDate day,
			List<TimeRange> busy) {
		return FreeSlots.of(therapist, service, zone, day, day, List.of(), busy, EVER, NEVER);
	}

	private static List<LocalTime> local(List<Instant> starts, ZoneId zone) {
		return starts.stream().map(start -> start.atZone(zone).toLocalTime()).toList();
	}

	static Therapist therapist(String from, String to) {
		return therapist(from, to, forever());
	}

	static Therapist therapist(String from, String to, Licence licence) {
		List<WorkingInterval> week = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			week.add(new WorkingInterval(day, LocalTime.parse(from), LocalTime.parse(to)));
		}
		return new Therapist(new TherapistId(UUID.randomUUID()), new ClinicId(UUID.randomUUID()), "T", "", List.of(), 1,
				List.of(licence), EnumSet.of(Technique.SWEDISH), new WeeklyHours(week));
	}

	static Licence forever() {
		return new Licence("Berlin", "L", LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31));
	}

	static List<LocalTime> quarterHours(LocalTime first, LocalTime last) {
		List<LocalTime> times = new ArrayList<>();
		for (LocalTime time = first; !time.isAfter(last); time = time.plusMinutes(15)) {
			times.add(time);
		}
		return times;
	}

}
