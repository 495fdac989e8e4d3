package org.backcare.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

/**
 * Waiting requests, openings and offers in PostgreSQL. The database holds what must never
 * go wrong: an opening offered to a client once, a client holding one open offer at a
 * time, an answered offer never open again.
 */
@Repository
class WaitlistRepository {

	private static final String REQUEST_COLUMNS = """
			id, clinic_id, client_id, service_code, therapist_id, technique, first_day, last_day, created_at, status,
			appointment_id""";

	private static final String OFFER_COLUMNS = """
			o.id, o.opening_id, o.request_id, p.therapist_id, o.starts_at, o.ends_at, o.offered_at, o.expires_at,
			o.status, o.answered_at, o.appointment_id""";

	private final JdbcClient jdbc;

	WaitlistRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Requests

	void insert(WaitRequest request) {
		this.jdbc.sql("INSERT INTO waitlist_request (" + REQUEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(request.id(), request.clinic().value(), request.client().value(), request.service(),
					(request.therapist() != null) ? request.therapist().value() : null,
					(request.technique() != null) ? request.technique().name() : null, request.firstDay(),
					request.lastDay(), utc(request.createdAt()), request.status().name(), null)
			.update();
		for (TimeWindow window : request.windows()) {
			for (DayOfWeek day : window.days()) {
				this.jdbc.sql("""
						INSERT INTO waitlist_window (request_id, weekday, from_time, to_time) VALUES (?, ?, ?, ?)
						ON CONFLICT DO NOTHING""")
					.params(request.id(), day.getValue(), window.from(), window.to())
					.update();
			}
		}
	}

	Optional<WaitRequest> request(UUID id) {
		return requests("WHERE id = ?", id).stream().findFirst();
	}

	/** The request, locked until the transaction ends. */
	Optional<WaitRequest> lockRequest(UUID id) {
		return requests("WHERE id = ? FOR UPDATE", id).stream().findFirst();
	}

	List<WaitRequest> ofClient(ClientId client) {
		return requests("WHERE client_id = ? ORDER BY created_at DESC, id", client.value());
	}

	List<WaitRequest> waiting(ClinicId clinic) {
		return requests("WHERE clinic_id = ? AND status = 'WAITING' ORDER BY created_at, id", clinic.value());
	}

	int waitingCount(ClientId client) {
		return this.jdbc.sql("SELECT count(*) FROM waitlist_request WHERE client_id = ? AND status = 'WAITING'")
			.param(client.value())
			.query(Integer.class)
			.single();
	}

	boolean anyoneWaiting(ClinicId clinic) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM waitlist_request WHERE clinic_id = ? AND status = 'WAITING')")
			.param(clinic.value())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Waiting requests that may take up the opening, in the order they were made: of its
	 * clinic, for its therapist or any, with days around its time, not yet offered it and
	 * holding no other open offer.
	 */
	List<WaitRequest> candidates(Opening opening, LocalDate firstDay, LocalDate lastDay) {
		return requests("""
				WHERE clinic_id = ? AND status = 'WAITING' AND (therapist_id IS NULL OR therapist_id = ?)
				  AND first_day <= ? AND last_day >= ?
				  AND NOT EXISTS (SELECT 1 FROM waitlist_offer o
				                  WHERE o.request_id = waitlist_request.id
				                    AND (o.opening_id = ? OR o.status = 'OPEN'))
				ORDER BY created_at, id""", opening.clinic().value(), opening.therapist().value(), lastDay, firstDay,
				opening.id());
	}

	void booked(UUID request, AppointmentId appointment, Instant now) {
		this.jdbc.sql("""
				UPDATE waitlist_request SET status = 'BOOKED', appointment_id = ?, ended_at = ?
				WHERE id = ? AND status = 'WAITING'""").params(appointment.value(), utc(now), request).update();
	}

	void withdraw(UUID request, Instant now) {
		this.jdbc
			.sql("UPDATE waitlist_request SET status = 'WITHDRAWN', ended_at = ? WHERE id = ? AND status = 'WAITING'")
			.params(utc(now), request)
			.update();
	}

	/** Requests whose last day has passed in their clinic end. */
	int endPast(Instant now) {
		return this.jdbc
			.sql("""
					UPDATE waitlist_request r SET status = 'ENDED', ended_at = ?
					FROM clinic c
					WHERE c.id = r.clinic_id AND r.status = 'WAITING' AND r.last_day < (?::timestamptz AT TIME ZONE c.time_zone)::date""")
			.params(utc(now), utc(now))
			.update();
	}

	/** Every request of the client, with its offers, gone (erasure). */
	void forgetClient(ClientId client) {
		this.jdbc.sql("DELETE FROM waitlist_request WHERE client_id = ?").param(client.value()).update();
	}

	private List<WaitRequest> requests(String where, Object... params) {
		List<Row> rows = this.jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM waitlist_request " + where)
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<TimeWindow>> windows = windowsOf(rows.stream().map(row -> row.id).toList());
		return rows.stream().map(row -> row.with(windows.getOrDefault(row.id, List.of()))).toList();
	}

	/** The windows of each request, a window per distinct pair of times with its days. */
	private Map<UUID, List<TimeWindow>> windowsOf(List<UUID> requests) {
		Map<UUID, Map<String, Set<DayOfWeek>>> days = new LinkedHashMap<>();
		Map<String, LocalTime[]> times = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT request_id, weekday, from_time, to_time FROM waitlist_window
				WHERE request_id = ANY (?) ORDER BY from_time, to_time, weekday""")
			.param(requests.toArray(UUID[]::new))
			.query(rs -> {
				LocalTime from = rs.getObject("from_time", LocalTime.class);
				LocalTime to = rs.getObject("to_time", LocalTime.class);
				String key = from + "-" + to;
				times.putIfAbsent(key, new LocalTime[] { from, to });
				days.computeIfAbsent(rs.getObject("request_id", UUID.class), id -> new LinkedHashMap<>())
					.computeIfAbsent(key, k -> EnumSet.noneOf(DayOfWeek.class))
					.add(DayOfWeek.of(rs.getInt("weekday")));
			});
		Map<UUID, List<TimeWindow>> windows = new LinkedHashMap<>();
		days.forEach((request, byTimes) -> {
			List<TimeWindow> list = new ArrayList<>();
			byTimes.forEach((key, on) -> list.add(new TimeWindow(on, times.get(key)[0], times.get(key)[1])));
			windows.put(request, list);
		});
		return windows;
	}

	private record Row(UUID id, ClinicId clinic, ClientId client, String service, TherapistId therapist,
			Technique technique, LocalDate firstDay, LocalDate lastDay, Instant createdAt, WaitRequest.Status status,
			AppointmentId appointment) {

		WaitRequest with(List<TimeWindow> windows) {
			return new WaitRequest(this.id, this.clinic, this.client, this.service, this.therapist, this.technique,
					this.firstDay, this.lastDay, windows, this.createdAt, this.status, this.appointment);
		}

	}

	private static Row row(ResultSet rs) throws SQLException {
		UUID therapist = rs.getObject("therapist_id", UUID.class);
		String technique = rs.getString("technique");
		UUID appointment = rs.getObject("appointment_id", UUID.class);
		return new Row(rs.getObject("id", UUID.class), new ClinicId(rs.getObject("clinic_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("service_code"),
				(therapist != null) ? new TherapistId(therapist) : null,
				(technique != null) ? Technique.valueOf(technique) : null, rs.getObject("first_day", LocalDate.class),
				rs.getObject("last_day", LocalDate.class), instant(rs, "created_at"),
				WaitRequest.Status.valueOf(rs.getString("status")),
				(appointment != null) ? new AppointmentId(appointment) : null);
	}

	// Openings

	void insert(Opening opening, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO waitlist_opening (id, clinic_id, therapist_id, starts_at, ends_at, freed_by, created_at, ready_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(opening.id(), opening.clinic().value(), opening.therapist().value(), utc(opening.time().start()),
					utc(opening.time().end()), opening.freedBy().name(), utc(now), utc(opening.readyAt()))
			.update();
	}

	/**
	 * The therapist's openings still settling wait until {@code until}: a further edit
	 * starts the settling again.
	 */
	void settleAgain(TherapistId therapist, Instant now, Instant until) {
		this.jdbc.sql("""
				UPDATE waitlist_opening SET ready_at = ?
				WHERE therapist_id = ? AND closed_at IS NULL AND ready_at > ? AND ready_at < ?""")
			.params(utc(until), therapist.value(), utc(now), utc(until))
			.update();
	}

	/** Openings ready to be offered (again), the oldest first. */
	List<UUID> due(Instant now) {
		return this.jdbc
			.sql("""
					SELECT id FROM waitlist_opening
					WHERE closed_at IS NULL AND needs_offers AND ready_at <= ? ORDER BY ready_at, starts_at, id LIMIT 500""")
			.param(utc(now))
			.query(UUID.class)
			.list();
	}

	/** The opening, locked; empty when another node is offering it right now. */
	Optional<Opening> lockOpening(UUID id) {
		return this.jdbc.sql("""
				SELECT id, clinic_id, therapist_id, starts_at, ends_at, freed_by, ready_at, closed_at
				FROM waitlist_opening WHERE id = ? FOR UPDATE SKIP LOCKED""")
			.param(id)
			.query((rs, n) -> new Opening(rs.getObject("id", UUID.class),
					new ClinicId(rs.getObject("clinic_id", UUID.class)),
					new TherapistId(rs.getObject("therapist_id", UUID.class)),
					new TimeRange(instant(rs, "starts_at"), instant(rs, "ends_at")),
					Opening.FreedBy.valueOf(rs.getString("freed_by")), instant(rs, "ready_at"),
					rs.getObject("closed_at") != null))
			.optional();
	}

	/** Waits for, and holds, the offer's opening (answers to its offers queue). */
	void lockOpeningOf(Offer offer) {
		this.jdbc.sql("SELECT id FROM waitlist_opening WHERE id = ? FOR UPDATE")
			.param(offer.opening())
			.query()
			.listOfRows();
	}

	void offered(UUID opening) {
		this.jdbc.sql("UPDATE waitlist_opening SET needs_offers = false WHERE id = ?").param(opening).update();
	}

	void close(UUID opening, Instant now) {
		this.jdbc
			.sql("UPDATE waitlist_opening SET closed_at = ?, needs_offers = false WHERE id = ? AND closed_at IS NULL")
			.params(utc(now), opening)
			.update();
	}

	void needsOffers(UUID opening) {
		this.jdbc.sql("UPDATE waitlist_opening SET needs_offers = true WHERE id = ? AND closed_at IS NULL")
			.param(opening)
			.update();
	}

	/** A client joined: every live opening of the clinic may have someone new. */
	void needsOffers(ClinicId clinic) {
		this.jdbc.sql("UPDATE waitlist_opening SET needs_offers = true WHERE clinic_id = ? AND closed_at IS NULL")
			.param(clinic.value())
			.update();
	}

	// Offers

	void insert(Offer offer) {
		this.jdbc.sql("""
				INSERT INTO waitlist_offer (id, opening_id, request_id, starts_at, ends_at, offered_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(offer.id(), offer.opening(), offer.request(), utc(offer.start()), utc(offer.end()),
					utc(offer.offeredAt()), utc(offer.expires()))
			.update();
	}

	Optional<Offer> offer(UUID id) {
		return offers("WHERE o.id = ?", id).stream().findFirst();
	}

	Optional<Offer> lockOffer(UUID id) {
		return offers("WHERE o.id = ? FOR UPDATE OF o", id).stream().findFirst();
	}

	List<Offer> openOffers(UUID opening) {
		return offers("WHERE o.opening_id = ? AND o.status = 'OPEN' ORDER BY o.offered_at, o.id", opening);
	}

	List<Offer> offersOf(UUID request) {
		return offers("WHERE o.request_id = ? ORDER BY o.offered_at DESC, o.id", request);
	}

	/** Open offers of these requests, by request. */
	Map<UUID, Offer> openOffersOf(List<UUID> requests) {
		Map<UUID, Offer> open = new LinkedHashMap<>();
		if (!requests.isEmpty()) {
			offers("WHERE o.request_id = ANY (?) AND o.status = 'OPEN'", (Object) requests.toArray(UUID[]::new))
				.forEach(offer -> open.put(offer.request(), offer));
		}
		return open;
	}

	/**
	 * Ends an offer still open; its opening may then go to the next waiting client.
	 * @return whether it was open
	 */
	boolean end(UUID offer, Offer.Status status, Instant now) {
		List<UUID> opening = this.jdbc.sql("""
				UPDATE waitlist_offer SET status = ?, answered_at = ? WHERE id = ? AND status = 'OPEN'
				RETURNING opening_id""").params(status.name(), utc(now), offer).query(UUID.class).list();
		opening.forEach(this::needsOffers);
		return !opening.isEmpty();
	}

	void accepted(UUID offer, AppointmentId appointment, Instant now) {
		this.jdbc.sql("""
				UPDATE waitlist_offer SET status = 'ACCEPTED', answered_at = ?, appointment_id = ?
				WHERE id = ? AND status = 'OPEN'""").params(utc(now), appointment.value(), offer).update();
	}

	/** Offers past their time end; their openings go to the next waiting clients. */
	int expire(Instant now) {
		List<UUID> openings = this.jdbc.sql("""
				UPDATE waitlist_offer SET status = 'EXPIRED', answered_at = ?
				WHERE status = 'OPEN' AND expires_at <= ? RETURNING opening_id""")
			.params(utc(now), utc(now))
			.query(UUID.class)
			.list();
		openings.stream().distinct().forEach(this::needsOffers);
		return openings.size();
	}

	private List<Offer> offers(String where, Object... params) {
		return this.jdbc
			.sql("SELECT " + OFFER_COLUMNS + " FROM waitlist_offer o JOIN waitlist_opening p ON p.id = o.opening_id "
					+ where)
			.params(params)
			.query((rs, n) -> {
				UUID appointment = rs.getObject("appointment_id", UUID.class);
				return new Offer(rs.getObject("id", UUID.class), rs.getObject("opening_id", UUID.class),
						rs.getObject("request_id", UUID.class),
						new TherapistId(rs.getObject("therapist_id", UUID.class)), instant(rs, "starts_at"),
						instant(rs, "ends_at"), instant(rs, "offered_at"), instant(rs, "expires_at"),
						Offer.Status.valueOf(rs.getString("status")), instant(rs, "answered_at"),
						(appointment != null) ? new AppointmentId(appointment) : null);
			})
			.list();
	}

}
