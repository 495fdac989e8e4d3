package org.backcare.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.backcare.account.CurrentUser;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentStatus;
import org.backcare.booking.Bookings;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Service;

/**
 * The clinic's calendar for the front desk: every therapist's sessions, buffers, time off
 * and free time over a day or a week. The data comes in a fixed number of queries however
 * many therapists and sessions there are (the clinic's sessions, its therapists, their
 * time off, the clients' names, the services), and the read is audited once, by booking.
 */
@Service
class ClinicCalendar {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Bookings bookings;

	private final Therapists therapists;

	private final Clients clients;

	private final Clinics clinics;

	private final Clock clock;

	ClinicCalendar(Bookings bookings, Therapists therapists, Clients clients, Clinics clinics, Clock clock) {
		this.bookings = bookings;
		this.therapists = therapists;
		this.clients = clients;
		this.clinics = clinics;
		this.clock = clock;
	}

	LocalDate today(CurrentUser caller) {
		return LocalDate.now(this.clock.withZone(this.clinics.get(caller.clinic()).zone()));
	}

	CalendarDay day(CurrentUser caller, LocalDate date) {
		Read read = read(caller, date, date);
		Clinic clinic = read.clinic;
		List<TimeRange> shown = new ArrayList<>();
		Map<TherapistId, List<TimeRange>> hours = new HashMap<>();
		for (Therapist therapist : read.therapists) {
			List<TimeRange> open = bookable(therapist, date) ? therapist.hours().on(date, clinic.zone()) : List.of();
			hours.put(therapist.id(), open);
			shown.addAll(open);
		}
		read.sessions.forEach(session -> shown.add(new TimeRange(session.start(), session.blockedUntil())));
		DayGrid grid = DayGrid.covering(date, clinic.zone(), shown);
		Instant bookableFrom = this.clock.instant().plus(clinic.booking().minimumNotice());
		Map<Integer, List<CalendarCell>> byRow = new HashMap<>();
		for (Therapist therapist : read.therapists) {
			CalendarColumn
				.paint(grid, therapist, hours.get(therapist.id()), read.timeOff.get(therapist.id()),
						read.sessionsOf(therapist), read.services, read.names, bookableFrom)
				.forEach(cell -> byRow.computeIfAbsent(cell.row(), row -> new ArrayList<>()).add(cell));
		}
		Map<Integer, Integer> labels = grid.labels()
			.stream()
			.collect(Collectors.toMap(label -> label[0], label -> label[1]));
		List<CalendarDay.Row> rows = new ArrayList<>();
		for (int row = 0; row < grid.rows(); row++) {
			rows.add(new CalendarDay.Row(row, grid.localTime(row), labels.getOrDefault(row, 0),
					byRow.getOrDefault(row, List.of())));
		}
		return new CalendarDay(date, read.therapists, rows, read.sessions.size());
	}

	CalendarWeek week(CurrentUser caller, LocalDate anyDay) {
		LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Read read = read(caller, monday, monday.plusDays(6));
		Clinic clinic = read.clinic;
		// Each session placed once, by therapist and local day: a full week of a big
		// clinic is over a thousand of them, and the page shows each as one line.
		Map<TherapistId, Map<LocalDate, List<CalendarWeek.Entry>>> placed = new HashMap<>();
		for (Appointment session : read.sessions) {
			LocalDateTime start = clinic.localTime(session.start()).toLocalDateTime();
			placed.computeIfAbsent(session.therapistId(), id -> new HashMap<>())
				.computeIfAbsent(start.toLocalDate(), day -> new ArrayList<>())
				.add(new CalendarWeek.Entry(session.id().value().toString(),
						TIME.format(start) + " " + read.names.get(session.clientId()),
						read.services.getOrDefault(session.service(), session.service())));
		}
		List<CalendarWeek.Day> days = new ArrayList<>();
		for (LocalDate date = monday; !date.isAfter(monday.plusDays(6)); date = date.plusDays(1)) {
			LocalDate day = date;
			TimeRange whole = new TimeRange(day.atStartOfDay(clinic.zone()).toInstant(),
					day.plusDays(1).atStartOfDay(clinic.zone()).toInstant());
			List<CalendarWeek.Cell> cells = new ArrayList<>();
			for (Therapist therapist : read.therapists) {
				List<TimeRange> open = bookable(therapist, day) ? therapist.hours().on(day, clinic.zone()) : List.of();
				cells.add(new CalendarWeek.Cell(therapist, open.stream().map(range -> span(clinic, range)).toList(),
						read.timeOff.get(therapist.id())
							.stream()
							.filter(away -> away.overlaps(whole))
							.map(away -> away.contains(whole) ? "all day" : span(clinic, clip(away, whole)))
							.toList(),
						placed.getOrDefault(therapist.id(), Map.of()).getOrDefault(day, List.of())));
			}
			days.add(new CalendarWeek.Day(day, cells));
		}
		return new CalendarWeek(read.therapists, days, read.sessions.size());
	}

	private Read read(CurrentUser caller, LocalDate from, LocalDate to) {
		List<Appointment> sessions = this.bookings.clinicCalendar(caller, caller.clinic(), from, to)
			.stream()
			.filter(session -> session.status() != AppointmentStatus.CANCELLED)
			.toList();
		Clinic clinic = this.clinics.get(caller.clinic());
		// A therapist who has left keeps a column only where their past sessions are.
		List<Therapist> therapists = this.therapists.everyone(clinic.id())
			.stream()
			.filter(therapist -> therapist.active()
					|| sessions.stream().anyMatch(session -> session.therapistId().equals(therapist.id())))
			.toList();
		TimeRange window = new TimeRange(from.atStartOfDay(clinic.zone()).toInstant(),
				to.plusDays(1).atStartOfDay(clinic.zone()).toInstant());
		Map<TherapistId, List<TimeRange>> timeOff = this.therapists
			.timeOff(therapists.stream().map(Therapist::id).toList(), window);
		Map<String, String> services = this.clinics.everyService(clinic.id())
			.stream()
			.collect(Collectors.toMap(ServiceType::code, ServiceType::name));
		return new Read(clinic, therapists, sessions, timeOff, services,
				this.clients.names(sessions.stream().map(Appointment::clientId).toList()));
	}

	/**
	 * Whether the therapist's hours count that day: not for one without a valid licence,
	 * nor for one who has left (their column stays only for their past sessions).
	 */
	private static boolean bookable(Therapist therapist, LocalDate day) {
		return therapist.active() && therapist.licenceValidOn(day);
	}

	private static TimeRange clip(TimeRange range, TimeRange within) {
		return new TimeRange(range.start().isBefore(within.start()) ? within.start() : range.start(),
				range.end().isAfter(within.end()) ? within.end() : range.end());
	}

	private static String span(Clinic clinic, TimeRange range) {
		return TIME.format(clinic.localTime(range.start())) + "–" + TIME.format(clinic.localTime(range.end()));
	}

	/** What one calendar view reads, once. */
	private record Read(Clinic clinic, List<Therapist> therapists, List<Appointment> sessions,
			Map<TherapistId, List<TimeRange>> timeOff, Map<String, String> services,
			Map<org.backcare.client.ClientId, String> names) {

		List<Appointment> sessionsOf(Therapist therapist) {
			return this.sessions.stream().filter(session -> session.therapistId().equals(therapist.id())).toList();
		}

	}

}
