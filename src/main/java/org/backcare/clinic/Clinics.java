package org.backcare.clinic;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.backcare.platform.ChangeNotices;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.NoticedCache;
import org.backcare.platform.RecordNotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic module's public face: clinics and the services they offer. */
@Service
public class Clinics {

	/** Where the database announces a changed clinic or service (V29). */
	static final String CHANNEL = "clinic_changed";

	private final JdbcClient jdbc;

	/**
	 * Nearly every request needs the clinic, its services and policies: each node keeps
	 * them until the database announces a change (on {@value #CHANNEL}, V29).
	 */
	private final NoticedCache<ClinicId, Clinic> clinicsKept;

	private final NoticedCache<ClinicId, List<ServiceType>> servicesKept;

	private final NoticedCache<ClinicId, ClinicPolicies> policiesKept;

	private final ApplicationEventPublisher events;

	Clinics(JdbcClient jdbc, ApplicationEventPublisher events, ChangeNotices notices) {
		this.jdbc = jdbc;
		this.events = events;
		this.clinicsKept = notices.cache(CHANNEL, id -> new ClinicId(UUID.fromString(id)));
		this.servicesKept = notices.cache(CHANNEL, id -> new ClinicId(UUID.fromString(id)));
		this.policiesKept = notices.cache(CHANNEL, id -> new ClinicId(UUID.fromString(id)));
	}

	/**
	 * Changes the clinic's name, address and time zone. Sessions keep their instants; the
	 * new zone is how they are shown and how "a day" is counted from now on. Every node
	 * forgets the old clinic once this commits. Audited.
	 */
	@Transactional
	public Clinic update(ClinicId id, String name, String address, ZoneId zone) {
		get(id);
		this.jdbc.sql("UPDATE clinic SET name = ?, address = ?, time_zone = ? WHERE id = ?")
			.params(name, address, zone.getId(), id.value())
			.update();
		announce(id);
		this.events.publishEvent(new ClinicChanged(id, "name, address, time zone " + zone.getId()));
		return load(id).orElseThrow();
	}

	/**
	 * Sets how soon and how far ahead the clinic's sessions may be booked. Sessions
	 * already booked stay; every node reads the clinic again once this commits. Audited.
	 */
	@Transactional
	public Clinic setBookingWindow(ClinicId id, BookingWindow window) {
		int changed = this.jdbc
			.sql("UPDATE clinic SET minimum_notice_minutes = ?, booking_horizon_days = ? WHERE id = ?")
			.params((int) window.minimumNotice().toMinutes(), (int) window.horizon().toDays(), id.value())
			.update();
		if (changed == 0) {
			throw new RecordNotFound("Clinic", id);
		}
		announce(id);
		this.events.publishEvent(new ClinicChanged(id, "minimum notice " + window.minimumNotice().toMinutes()
				+ " min, bookings open " + window.horizon().toDays() + " days ahead"));
		return load(id).orElseThrow();
	}

	/**
	 * Adds a service to the clinic's menu, or changes one (by its code): its name, how
	 * long it takes (15 to 480 minutes, by the quarter hour) and the rest after it (0 to
	 * 120 minutes). Sessions already booked keep the times they were booked with; every
	 * node reads the menu again. Audited.
	 */
	@Transactional
	public ServiceType saveService(ClinicId id, ServiceType service) {
		get(id);
		if (!service.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
			throw new InvalidRequest("A service code is 2 to 40 capital letters, digits or _, starting with a letter.");
		}
		if (service.name() == null || service.name().isBlank() || service.name().strip().length() > 100) {
			throw new InvalidRequest("A service needs a name of at most 100 characters.");
		}
		long minutes = service.duration().toMinutes();
		if (minutes < 15 || minutes > 480 || minutes % 15 != 0) {
			throw new InvalidRequest("A service takes 15 to 480 minutes, by the quarter hour.");
		}
		if (service.buffer().isNegative() || service.buffer().toMinutes() > 120) {
			throw new InvalidRequest("The rest after a session is 0 to 120 minutes.");
		}
		this.jdbc
			.sql("""
					INSERT INTO service_type (clinic_id, code, name, duration_minutes, buffer_minutes) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (clinic_id, code) DO UPDATE
					SET name = excluded.name, duration_minutes = excluded.duration_minutes,
					    buffer_minutes = excluded.buffer_minutes""")
			.params(id.value(), service.code(), service.name().strip(), minutes, service.buffer().toMinutes())
			.update();
		announce(id);
		this.events.publishEvent(new ClinicChanged(id,
				"service " + service.code() + ": " + minutes + " min + " + service.buffer().toMinutes() + " min rest"));
		return service(id, service.code());
	}

	/**
	 * Withdraws a service (no new bookings; sessions booked with it keep it) or offers it
	 * again. Every node reads the menu again. Audited.
	 */
	@Transactional
	public ServiceType setOffered(ClinicId id, String code, boolean offered) {
		ServiceType service = service(id, code);
		if (!offered && !service.mayBeWithdrawn()) {
			throw new InvalidRequest(service.name() + " cannot be withdrawn: BackCare shows free times for it in the "
					+ "directory and matching. Rename it or change its minutes instead.");
		}
		if (service.offered() != offered) {
			this.jdbc
				.sql("UPDATE service_type SET withdrawn_at = CASE WHEN ? THEN NULL ELSE now() END "
						+ "WHERE clinic_id = ? AND code = ?")
				.params(offered, id.value(), code)
				.update();
			announce(id);
			this.events
				.publishEvent(new ClinicChanged(id, "service " + code + (offered ? " offered again" : " withdrawn")));
		}
		return service(id, code);
	}

	/**
	 * Forgets the clinic on this node, its services and policies with it, now and once
	 * this transaction ends (which reads them afresh meanwhile); the database tells every
	 * node when it commits (V29).
	 */
	private void announce(ClinicId id) {
		this.clinicsKept.forgetAfterCommit(id);
		this.servicesKept.forgetAfterCommit(id);
		this.policiesKept.forgetAfterCommit(id);
	}

	@Transactional
	public Clinic open(String name, String address, ZoneId zone, List<ServiceType> services) {
		Clinic clinic = new Clinic(new ClinicId(UUID.randomUUID()), name, address, zone);
		this.jdbc.sql("INSERT INTO clinic (id, name, address, time_zone) VALUES (?, ?, ?, ?)")
			.params(clinic.id().value(), name, address, zone.getId())
			.update();
		for (ServiceType service : services) {
			this.jdbc.sql("""
					INSERT INTO service_type (clinic_id, code, name, duration_minutes, buffer_minutes)
					VALUES (?, ?, ?, ?, ?)""")
				.params(clinic.id().value(), service.code(), service.name(), service.duration().toMinutes(),
						service.buffer().toMinutes())
				.update();
		}
		return clinic;
	}

	public Optional<Clinic> find(ClinicId id) {
		return this.clinicsKept.get(id, this::load);
	}

	private Optional<Clinic> load(ClinicId id) {
		return this.jdbc.sql("""
				SELECT id, name, address, time_zone, minimum_notice_minutes, booking_horizon_days
				FROM clinic WHERE id = ?""")
			.param(id.value())
			.query((rs, n) -> new Clinic(new ClinicId(rs.getObject("id", UUID.class)), rs.getString("name"),
					rs.getString("address"), ZoneId.of(rs.getString("time_zone")),
					new BookingWindow(Duration.ofMinutes(rs.getInt("minimum_notice_minutes")),
							Duration.ofDays(rs.getInt("booking_horizon_days")))))
			.optional();
	}

	/**
	 * The clinic's policies as they are now: kept in memory until the database announces
	 * a change to the clinic (V29), so a policy the front desk changes holds on every
	 * node as it commits. Within one transaction they are read once (a booking, its mail
	 * and its reminders all ask): the transaction acts on one consistent set.
	 */
	public ClinicPolicies policies(ClinicId id) {
		Map<ClinicId, ClinicPolicies> read = PoliciesReadInTransaction.current();
		return (read == null) ? keptPolicies(id) : read.computeIfAbsent(id, this::keptPolicies);
	}

	private ClinicPolicies keptPolicies(ClinicId id) {
		return this.policiesKept.get(id, key -> Optional.of(loadPolicies(key))).orElseThrow();
	}

	private ClinicPolicies loadPolicies(ClinicId id) {
		return this.jdbc.sql("""
				SELECT cancellation_window_minutes, intake_before_treatment, reminder_hours_before
				FROM clinic WHERE id = ?""")
			.param(id.value())
			.query((rs, n) -> new ClinicPolicies(Duration.ofMinutes(rs.getInt("cancellation_window_minutes")),
					rs.getBoolean("intake_before_treatment"),
					Arrays.stream((Integer[]) rs.getArray("reminder_hours_before").getArray())
						.map(Duration::ofHours)
						.toList()))
			.optional()
			.orElseThrow(() -> new RecordNotFound("Clinic", id));
	}

	/**
	 * Sets the clinic's policies (read fresh by every transaction; this one forgets what
	 * it read). Audited.
	 */
	@Transactional
	public ClinicPolicies setPolicies(ClinicId id, ClinicPolicies policies) {
		PoliciesReadInTransaction.forget(id);
		announce(id);
		int changed = this.jdbc.sql("""
				UPDATE clinic SET cancellation_window_minutes = ?, intake_before_treatment = ?,
				                  reminder_hours_before = string_to_array(?, ',')::integer[]
				WHERE id = ?""")
			.params((int) policies.cancellationWindow().toMinutes(), policies.intakeBeforeTreatment(),
					hours(policies.reminders()), id.value())
			.update();
		if (changed == 0) {
			throw new RecordNotFound("Clinic", id);
		}
		this.events.publishEvent(new ClinicChanged(id,
				"cancellation window " + policies.cancellationWindow().toMinutes() + " min, intake before treatment "
						+ (policies.intakeBeforeTreatment() ? "on" : "off") + ", reminders "
						+ (policies.reminders().isEmpty() ? "off" : hours(policies.reminders()) + " h before")));
		return policies(id);
	}

	/** "48,2": the reminders' hours, as stored. */
	private static String hours(List<Duration> reminders) {
		return reminders.stream().map(before -> String.valueOf(before.toHours())).collect(Collectors.joining(","));
	}

	public Clinic get(ClinicId id) {
		return find(id).orElseThrow(() -> new RecordNotFound("Clinic", id));
	}

	/** The clinic that was opened first: the one a single-clinic installation serves. */
	/** Every clinic, for work that goes through them all. */
	public List<ClinicId> ids() {
		return this.jdbc.sql("SELECT id FROM clinic ORDER BY created_at, id")
			.query((rs, n) -> new ClinicId(rs.getObject("id", UUID.class)))
			.list();
	}

	public Optional<Clinic> first() {
		return this.jdbc.sql("SELECT id FROM clinic ORDER BY created_at, id LIMIT 1")
			.query((rs, n) -> new ClinicId(rs.getObject("id", UUID.class)))
			.optional()
			.flatMap(this::find);
	}

	/** The chosen clinic, or when none is chosen the one this installation serves. */
	public Clinic chosenOrServed(UUID chosen) {
		return (chosen != null) ? get(new ClinicId(chosen))
				: first().orElseThrow(() -> new RecordNotFound("Clinic", "(none opened yet)"));
	}

	/** The services the clinic offers now: what new bookings may choose from. */
	public List<ServiceType> services(ClinicId clinic) {
		return everyService(clinic).stream().filter(ServiceType::offered).toList();
	}

	/**
	 * Every service the clinic has had, withdrawn ones included: for sessions booked with
	 * them and for the clinic's own set-up.
	 */
	public List<ServiceType> everyService(ClinicId clinic) {
		return this.servicesKept.get(clinic, key -> {
			List<ServiceType> read = loadServices(key);
			// None is not kept: a clinic being opened has its services a moment later.
			return read.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(read));
		}).orElse(List.of());
	}

	private List<ServiceType> loadServices(ClinicId clinic) {
		return this.jdbc.sql("""
				SELECT code, name, duration_minutes, buffer_minutes, withdrawn_at IS NULL AS offered FROM service_type
				WHERE clinic_id = ? ORDER BY duration_minutes, code""")
			.param(clinic.value())
			.query((rs, n) -> new ServiceType(rs.getString("code"), rs.getString("name"),
					Duration.ofMinutes(rs.getInt("duration_minutes")), Duration.ofMinutes(rs.getInt("buffer_minutes")),
					rs.getBoolean("offered")))
			.list();
	}

	/**
	 * The service with this code, withdrawn or not (for a session already booked with
	 * it), or a 400 that lists the codes this clinic offers.
	 */
	public ServiceType service(ClinicId clinic, String code) {
		return everyService(clinic).stream()
			.filter(service -> service.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidRequest("Unknown service '" + code + "'; this clinic offers "
					+ services(clinic).stream().map(ServiceType::code).toList() + "."));
	}

	/**
	 * The service with this code if the clinic offers it now (for a new booking), or a
	 * 400 that says it was withdrawn or is unknown, with the codes on offer.
	 */
	public ServiceType offered(ClinicId clinic, String code) {
		ServiceType service = service(clinic, code);
		if (!service.offered()) {
			throw new InvalidRequest(service.name() + " is no longer offered; this clinic offers "
					+ services(clinic).stream().map(ServiceType::code).toList() + ".");
		}
		return service;
	}

}
