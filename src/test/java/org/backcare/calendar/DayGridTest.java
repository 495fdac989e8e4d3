package org.backcare.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentStatus;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk's day is drawn to scale in real time and labelled in local time: on both
 * daylight-saving days a session sits at the row its local start time labels and is as
 * tall as it is long.
 */
class DayGridTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void anOrdinaryDayRunsFromTheFirstWorkingHourToTheLastInFiveMinuteRows() {
		LocalDate day = LocalDate.of(2026, 12, 3);
		DayGrid grid = DayGrid.covering(day, BERLIN, List.of(range(day, BERLIN, "09:00", "17:00")));
		assertThat(grid.rows()).isEqualTo(8 * 12);
		assertThat(grid.localTime(0)).isEqualTo(LocalTime.of(9, 0));
		assertThat(grid.labels()).hasSize(16).allSatisfy(label -> assertThat(label[1]).isEqualTo(6));
	}

	@Test
	void aDayNobodyWorksStillShowsTheUsualHours() {
		DayGrid grid = DayGrid.covering(LocalDate.of(2026, 12, 6), BERLIN, List.of());
		assertThat(grid.localTime(0)).isEqualTo(LocalTime.of(8, 0));
		assertThat(grid.rows()).isEqualTo(10 * 12);
	}

	@Test
	void partHoursWidenToWholeHours() {
		LocalDate day = LocalDate.of(2026, 12, 3);
		DayGrid grid = DayGrid.covering(day, BERLIN, List.of(range(day, BERLIN, "09:30", "16:10")));
		assertThat(grid.localTime(0)).isEqualTo(LocalTime.of(9, 0));
		assertThat(grid.rows()).isEqualTo(8 * 12);
	}

	@Test
	void onTheSpringChangeInBerlinASessionSitsAtItsLocalTimeAndKeepsItsLength() {
		// 29 March 2026: clocks go from 02:00 to 03:00. The clinic opens at 01:00 that
		// night
		// (a night shift), so the missing hour lies inside the axis.
		sessionDrawnAtItsLocalTime(LocalDate.of(2026, 3, 29), BERLIN, "01:00", "12:00", "09:00", 10 * 12);
	}

	@Test
	void onTheAutumnChangeInBerlinTheRepeatedHourHasItsRowsTwice() {
		// 25 October 2026: 02:00–03:00 happens twice; from 01:00 to 12:00 are twelve real
		// hours.
		sessionDrawnAtItsLocalTime(LocalDate.of(2026, 10, 25), BERLIN, "01:00", "12:00", "09:00", 12 * 12);
	}

	@Test
	void onBothChangesInNewYorkTheSameHolds() {
		sessionDrawnAtItsLocalTime(LocalDate.of(2026, 3, 8), NEW_YORK, "01:00", "12:00", "10:00", 10 * 12);
		sessionDrawnAtItsLocalTime(LocalDate.of(2026, 11, 1), NEW_YORK, "01:00", "12:00", "10:00", 12 * 12);
	}

	@Test
	void aColumnIsClosedFreeSessionBufferAndTimeOffInOrderAndFreeTimeOffersItsFirstBookableQuarter() {
		LocalDate day = LocalDate.of(2026, 12, 3);
		DayGrid grid = DayGrid.covering(day, BERLIN, List.of(range(day, BERLIN, "08:00", "18:00")));
		Therapist therapist = therapist();
		Appointment session = appointment(therapist, at(day, BERLIN, "10:00"), Duration.ofMinutes(60),
				Duration.ofMinutes(15));
		List<CalendarCell> cells = CalendarColumn.paint(grid, therapist, List.of(range(day, BERLIN, "09:00", "17:00")),
				List.of(range(day, BERLIN, "13:00", "14:00")), List.of(session), Map.of("TREATMENT_60", "Treatment"),
				Map.of(session.clientId(), "Client A"), at(day, BERLIN, "09:20"));
		assertThat(cells).extracting(cell -> cell.kind() + " " + cell.from() + "–" + cell.to() + " " + cell.span())
			.containsExactly("CLOSED 08:00–09:00 12", "PAST 09:00–09:20 4", "FREE 09:20–10:00 8",
					"SESSION 10:00–11:00 12", "BUFFER 11:00–11:15 3", "FREE 11:15–13:00 21", "OFF 13:00–14:00 12",
					"FREE 14:00–17:00 36", "CLOSED 17:00–18:00 12");
		assertThat(cells.get(2).bookStart()).isEqualTo("2026-12-03T09:30:00+01:00");
		assertThat(cells.get(3).client()).isEqualTo("Client A");
		assertThat(cells.get(3).service()).isEqualTo("Treatment");
	}

	private static void sessionDrawnAtItsLocalTime(LocalDate day, ZoneId zone, String opens, String closes,
			String sessionAt, int expectedRows) {
		Therapist therapist = therapist();
		TimeRange hours = range(day, zone, opens, closes);
		DayGrid grid = DayGrid.covering(day, zone, List.of(hours));
		assertThat(grid.rows()).isEqualTo(expectedRows);
		Appointment session = appointment(therapist, at(day, zone, sessionAt), Duration.ofMinutes(60), Duration.ZERO);
		CalendarCell drawn = CalendarColumn
			.paint(grid, therapist, List.of(hours), List.of(), List.of(session), Map.of(), Map.of(), Instant.EPOCH)
			.stream()
			.filter(cell -> cell.kind() == CalendarCell.Kind.SESSION)
			.findFirst()
			.orElseThrow();
		assertThat(grid.localTime(drawn.row())).isEqualTo(LocalTime.parse(sessionAt));
		assertThat(drawn.span()).isEqualTo(12);
		assertThat(drawn.from()).isEqualTo(LocalTime.parse(sessionAt));
		assertThat(drawn.to()).isEqualTo(LocalTime.parse(sessionAt).plusHours(1));
	}

	private static Therapist therapist() {
		return new Therapist(new TherapistId(UUID.randomUUID()), new ClinicId(UUID.randomUUID()), "Anna", "",
				List.of("en"), 5, List.of(), java.util.Set.of(), new org.backcare.therapist.WeeklyHours(List.of()));
	}

	private static Appointment appointment(Therapist therapist, Instant start, Duration length, Duration buffer) {
		return new Appointment(new AppointmentId(UUID.randomUUID()), therapist.clinicId(), therapist.id(),
				new ClientId(UUID.randomUUID()), "TREATMENT_60", null, start, start.plus(length),
				start.plus(length).plus(buffer), AppointmentStatus.BOOKED, null, null, 0);
	}

	private static Instant at(LocalDate day, ZoneId zone, String time) {
		return ZonedDateTime.of(day, LocalTime.parse(time), zone).toInstant();
	}

	private static TimeRange range(LocalDate day, ZoneId zone, String from, String to) {
		return new TimeRange(at(day, zone, from), at(day, zone, to));
	}

}
