package org.backcare.therapist;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.platform.ChangeNotices;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.NoticedCache;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.TimeRange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.backcare.platform.Timestamps.instant;
import static org.backcare.platform.Timestamps.utc;

/**
 * The therapist module's public face. Loads whole therapists (licences, certifications,
 * hours) in a fixed number of queries however many are asked for, because availability
 * across a clinic needs all of them at once.
 */
@Service
public class Therapists {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	/**
	 * Therapists as a booking needs them (with their time off to come), each until the
	 * end of its clinic's day (certifications are read as of that day) or until the
	 * database announces a change to it (V29).
	 */
	private final NoticedCache<TherapistId, Kept> known;

	Therapists(JdbcClient jdbc, ApplicationEventPublisher events, ChangeNotices notices) {
		this.jdbc = jdbc;
		this.events = events;
		this.known = notices.cache("therapist_changed", id -> new TherapistId(UUID.fromString(id)));
		// A clinic's time zone decides its therapists' "today" (certifications, the
		// day's end): any clinic change, and they are read again.
		notices.listen("clinic_changed", clinic -> this.known.forgetAll(), this.known::forgetAll);
	}

	/**
	 * A therapist as read at {@code readAt}, true until {@code until} (the end of the
	 * clinic's day), with their time off from {@code readAt} on.
	 */
	private record Kept(Therapist therapist, List<TimeRange> timeOffAhead, Instant readAt, Instant until) {

		boolean current() {
			return Instant.now().isBefore(this.until);
		}

	}

	/**
	 * Forgets the therapist on this node as the change commits; the database tells the
	 * others.
	 */
	void changed(TherapistId therapist) {
		this.known.forgetAfterCommit(therapist);
	}

	@Transactional
	public TherapistId register(ClinicId clinic, NewTherapist therapist) {
		TherapistId id = new TherapistId(UUID.randomUUID());
		changed(id);
		this.jdbc.sql("""
				INSERT INTO therapist (clinic_id, id, name, bio, languages, years_back_pain, gender)
				VALUES (?, ?, ?, ?, string_to_array(?, ','), ?, ?)""")
			.params(clinic.value(), id.value(), therapist.name(), therapist.bio(),
					String.join(",", therapist.languages()), therapist.yearsTreatingBackPain(),
					therapist.gender().name())
			.update();
		for (Licence licence : therapist.licences()) {
			this.jdbc
				.sql("""
						INSERT INTO licence (clinic_id, therapist_id, jurisdiction, number, valid_from, valid_until, verified_by,
						                     verified_at)
						VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? THEN 'recorded at registration' END, CASE WHEN ? THEN now() END)""")
				.params(clinic.value(), id.value(), licence.jurisdiction(), licence.number(), licence.validFrom(),
						licence.validUntil(), licence.verified(), licence.verified())
				.update();
		}
		for (Technique technique : therapist.techniques()) {
			this.jdbc
				.sql("""
						INSERT INTO certification (clinic_id, therapist_id, technique, certified_on, verified_by, verified_at)
						VALUES (?, ?, ?, ?, 'recorded at registration', now())""")
				.params(clinic.value(), id.value(), technique.name(), therapist.certifiedOn().get(technique))
				.update();
		}
		for (WorkingInterval interval : therapist.hours()) {
			this.jdbc.sql("""
					INSERT INTO working_hours (clinic_id, therapist_id, day_of_week, starts, ends)
					VALUES (?, ?, ?, ?, ?)""")
				.params(clinic.value(), id.value(), interval.day().getValue(), interval.starts(), interval.ends())
				.update();
		}
		return id;
	}

	/**
	 * A therapist joins, added by the front desk: their profile only. Licences and
	 * certifications are recorded and verified from their documents, hours set, before
	 * they can be booked. Audited.
	 */
	@Transactional
	public TherapistId join(ClinicId clinic, Profile profile) {
		TherapistId id = register(clinic, new NewTherapist(profile.name(), profile.bio(), profile.languages(),
				profile.yearsTreatingBackPain(), List.of(), Set.of(), List.of(), profile.gender(), Map.of()));
		this.events.publishEvent(new TherapistChanged(TherapistChanged.Change.CREATED, id, clinic, profile.name()));
		return id;
	}

	/** Changes what clients see of a therapist. Audited. */
	@Transactional
	public void changeProfile(TherapistId therapist, Profile profile) {
		changed(therapist);
		Therapist known = get(therapist);
		this.jdbc.sql("""
				UPDATE therapist SET name = ?, bio = ?, languages = string_to_array(?, ','), years_back_pain = ?,
				                     gender = ?
				WHERE clinic_id = ? AND id = ?""")
			.params(profile.name(), profile.bio(), String.join(",", profile.languages()),
					profile.yearsTreatingBackPain(), profile.gender().name(), known.clinicId().value(),
					therapist.value())
			.update();
		this.events.publishEvent(new TherapistChanged(TherapistChanged.Change.PROFILE_CHANGED, therapist,
				known.clinicId(), profile.name()));
	}

	/**
	 * What clients see of a therapist: name, a short bio, the languages they treat in
	 * (ISO 639-1 codes), years treating back pain, and gender as they describe it.
	 */
	public record Profile(String name, String bio, List<String> languages, int yearsTreatingBackPain, Gender gender) {

		public Profile {
			if (name == null || name.isBlank() || name.length() > 200) {
				throw new InvalidRequest("A therapist needs a name of at most 200 characters.");
			}
			name = name.strip();
			bio = (bio != null) ? bio.strip() : "";
			if (bio.length() > 4000) {
				throw new InvalidRequest("A bio has at most 4,000 characters.");
			}
			languages = (languages != null) ? languages.stream()
				.map(String::strip)
				.filter(code -> !code.isEmpty())
				.map(code -> code.toLowerCase(java.util.Locale.ROOT))
				.distinct()
				.toList() : List.of();
			if (languages.size() > 10 || languages.stream().anyMatch(code -> !code.matches("[a-z]{2}"))) {
				throw new InvalidRequest("Languages are up to ten two-letter codes (ISO 639-1), as en, de.");
			}
			if (yearsTreatingBackPain < 0 || yearsTreatingBackPain > 70) {
				throw new InvalidRequest("Years treating back pain lie between 0 and 70.");
			}
			gender = (gender != null) ? gender : Gender.UNDISCLOSED;
		}

	}

	/** Records time off; audited (who, when, which period). */
	@Transactional
	public UUID addTimeOff(TherapistId therapist, TimeRange period, String reason) {
		changed(therapist);
		Therapist known = get(therapist);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO time_off (clinic_id, therapist_id, id, period, reason)
				VALUES (?, ?, ?, tstzrange(?, ?, '[)'), ?)""")
			.params(known.clinicId().value(), therapist.value(), id, utc(period.start()), utc(period.end()), reason)
			.update();
		this.events.publishEvent(new TherapistChanged(TherapistChanged.Change.TIME_OFF_ADDED, therapist,
				known.clinicId(), period.start() + " to " + period.end()));
		return id;
	}

	/**
	 * Time off of the therapist overlapping the window, earliest first, with ids and
	 * reasons.
	 */
	public List<TimeOff> timeOffOf(TherapistId therapist, TimeRange window) {
		return this.jdbc.sql("""
				SELECT id, lower(period) AS starts, upper(period) AS ends, reason FROM time_off
				WHERE therapist_id = ? AND period && tstzrange(?, ?, '[)') ORDER BY lower(period)""")
			.params(therapist.value(), utc(window.start()), utc(window.end()))
			.query((rs, n) -> new TimeOff(rs.getObject("id", UUID.class),
					new TimeRange(instant(rs, "starts"), instant(rs, "ends")), rs.getString("reason")))
			.list();
	}

	/** Removes one stretch of time off; audited. */
	@Transactional
	public void removeTimeOff(TherapistId therapist, UUID timeOff) {
		changed(therapist);
		Therapist known = get(therapist);
		int removed = this.jdbc.sql("DELETE FROM time_off WHERE clinic_id = ? AND therapist_id = ? AND id = ?")
			.params(known.clinicId().value(), therapist.value(), timeOff)
			.update();
		if (removed == 0) {
			throw new RecordNotFound("Time off", timeOff);
		}
		this.events.publishEvent(new TherapistChanged(TherapistChanged.Change.TIME_OFF_REMOVED, therapist,
				known.clinicId(), timeOff.toString()));
	}

	/**
	 * Replaces the therapist's weekly hours: several intervals a day, on the quarter
	 * hour, none overlapping another of the same day (the database holds the same rule).
	 * Sessions already booked stay as they are; the front desk's work list shows those
	 * now outside the hours. Audited.
	 */
	@Transactional
	public void setHours(TherapistId therapist, List<WorkingInterval> hours) {
		changed(therapist);
		Therapist known = get(therapist);
		WeeklyHours checked = WeeklyHours.checked(hours);
		this.jdbc.sql("DELETE FROM working_hours WHERE clinic_id = ? AND therapist_id = ?")
			.params(known.clinicId().value(), therapist.value())
			.update();
		for (WorkingInterval interval : checked.intervals()) {
			this.jdbc.sql("""
					INSERT INTO working_hours (clinic_id, therapist_id, day_of_week, starts, ends)
					VALUES (?, ?, ?, ?, ?)""")
				.params(known.clinicId().value(), therapist.value(), interval.day().getValue(), interval.starts(),
						interval.ends())
				.update();
		}
		String detail = checked.describe();
		this.events.publishEvent(new TherapistChanged(TherapistChanged.Change.HOURS_SET, therapist, known.clinicId(),
				(detail.length() > 200) ? detail.substring(0, 197) + "..." : detail));
	}

	/**
	 * The clinic's therapists who still work there: everyone clients may find, match with
	 * and book.
	 */
	public List<Therapist> all(ClinicId clinic) {
		return load("t.clinic_id = ? AND t.deactivated_at IS NULL", clinic.value());
	}

	/**
	 * Every therapist the clinic has had, those who left included (marked inactive): for
	 * history, names in the audit log and the front desk's staff list.
	 */
	public List<Therapist> everyone(ClinicId clinic) {
		return load("t.clinic_id = ?", clinic.value());
	}

	/**
	 * The therapist leaves the clinic: kept with their history, no longer found, matched
	 * or bookable. The row stays locked until the caller's transaction ends, and the
	 * database refuses any booking onto an inactive therapist, so a booking in flight
	 * either commits before (and the caller sees it) or is refused. Audited.
	 */
	@Transactional
	public void deactivate(TherapistId therapist) {
		changed(therapist);
		Therapist known = get(therapist);
		int changed = this.jdbc.sql(
				"UPDATE therapist SET deactivated_at = now() WHERE clinic_id = ? AND id = ? AND deactivated_at IS NULL")
			.params(known.clinicId().value(), therapist.value())
			.update();
		// Counted by the update, not the read before it: two concurrent calls announce
		// once.
		if (changed == 1) {
			this.events.publishEvent(new TherapistChanged(TherapistChanged.Change.DEACTIVATED, therapist,
					known.clinicId(), "left the clinic; no longer bookable"));
		}
	}

	/** The therapist works at the clinic again, bookable as before. Audited. */
	@Transactional
	public void reactivate(TherapistId therapist) {
		changed(therapist);
		Therapist known = get(therapist);
		int changed = this.jdbc.sql(
				"UPDATE therapist SET deactivated_at = NULL WHERE clinic_id = ? AND id = ? AND deactivated_at IS NOT NULL")
			.params(known.clinicId().value(), therapist.value())
			.update();
		if (changed == 1) {
			this.events.publishEvent(new TherapistChanged(TherapistChanged.Change.REACTIVATED, therapist,
					known.clinicId(), "works at the clinic again; bookable"));
		}
	}

	public List<Therapist> certifiedIn(ClinicId clinic, Technique technique) {
		return load(
				"t.clinic_id = ? AND t.deactivated_at IS NULL AND t.id IN (SELECT therapist_id FROM certification WHERE clinic_id = ? AND technique = ? "
						+ "AND verified_at IS NOT NULL AND (valid_until IS NULL OR valid_until >= (now() AT TIME ZONE cl.time_zone)::date))",
				clinic.value(), clinic.value(), technique.name());
	}

	public Optional<Therapist> find(TherapistId id) {
		return kept(id).map(Kept::therapist);
	}

	private Optional<Kept> kept(TherapistId id) {
		return this.known.get(id,
				key -> this.jdbc.sql(QUERY.formatted(TIME_OFF_AHEAD, TIME_OFF_AHEAD_JOIN, "t.id = ?"))
					.param(key.value())
					.query((rs, n) -> new Kept(therapist(rs),
							periods(rs.getArray("time_off_starts"), rs.getArray("time_off_ends")),
							instant(rs, "read_at"), instant(rs, "day_ends")))
					.optional(),
				Kept::current);
	}

	/**
	 * The therapists asked for that exist, in no particular order: from memory, those not
	 * kept read in one statement.
	 */
	public List<Therapist> get(Collection<TherapistId> ids) {
		return keptAll(ids).values().stream().map(Kept::therapist).toList();
	}

	private Map<TherapistId, Kept> keptAll(Collection<TherapistId> ids) {
		return this.known.getAll(ids, missing -> {
			Map<TherapistId, Kept> loaded = new HashMap<>();
			this.jdbc.sql(QUERY.formatted(TIME_OFF_AHEAD, TIME_OFF_AHEAD_JOIN, "t.id = ANY (?)"))
				.param(ids(missing))
				.query((rs, n) -> new Kept(therapist(rs),
						periods(rs.getArray("time_off_starts"), rs.getArray("time_off_ends")), instant(rs, "read_at"),
						instant(rs, "day_ends")))
				.list()
				.forEach(kept -> loaded.put(kept.therapist().id(), kept));
			return loaded;
		}, Kept::current);
	}

	/**
	 * The clinic's therapists who work that weekday, in the order their working day
	 * begins (ties by id, {@link TherapistId#AS_STORED}), each once, at most
	 * {@code limit} from just after {@code after} (null: from the first). Only those who
	 * still work there and, if a technique is given, are certified in it today. A page
	 * costs the same however many therapists the clinic has (V30's index).
	 */
	public List<StartOfWork> byStartOfWork(ClinicId clinic, DayOfWeek day, Technique technique, StartOfWork after,
			int limit) {
		List<Object> params = new ArrayList<>(List.of(clinic.value(), day.getValue()));
		String page = "";
		if (after != null) {
			page = "AND (w.starts, w.therapist_id) > (?, ?)";
			params.addAll(List.of(after.starts(), after.therapist().value()));
		}
		String certified = "";
		if (technique != null) {
			certified = """
					AND EXISTS (SELECT 1 FROM certification c JOIN clinic cl ON cl.id = c.clinic_id
					            WHERE c.clinic_id = w.clinic_id AND c.therapist_id = w.therapist_id AND c.technique = ?
					              AND c.verified_at IS NOT NULL
					              AND (c.valid_until IS NULL OR c.valid_until >= (now() AT TIME ZONE cl.time_zone)::date))""";
			params.add(technique.name());
		}
		params.add(limit);
		return this.jdbc
			.sql("""
					SELECT w.therapist_id, w.starts FROM working_hours w
					JOIN therapist t ON t.clinic_id = w.clinic_id AND t.id = w.therapist_id AND t.deactivated_at IS NULL
					WHERE w.clinic_id = ? AND w.day_of_week = ? %s
					  -- The first interval of the therapist's day only: each therapist once.
					  AND NOT EXISTS (SELECT 1 FROM working_hours e WHERE e.clinic_id = w.clinic_id
					                  AND e.therapist_id = w.therapist_id AND e.day_of_week = w.day_of_week AND e.starts < w.starts)
					  %s
					ORDER BY w.starts, w.therapist_id LIMIT ?"""
				.formatted(page, certified))
			.params(params)
			.query((rs, n) -> new StartOfWork(new TherapistId(rs.getObject("therapist_id", UUID.class)),
					time(rs.getObject("starts"))))
			.list();
	}

	/** The therapist's name (for mail), from the therapist kept in memory. */
	public String name(TherapistId id) {
		return get(id).name();
	}

	public Therapist get(TherapistId id) {
		return find(id).orElseThrow(() -> new RecordNotFound("Therapist", id));
	}

	/**
	 * Time off of each therapist that overlaps the window; therapists without any map to
	 * an empty list.
	 */
	public Map<TherapistId, List<TimeRange>> timeOff(Collection<TherapistId> therapists, TimeRange window) {
		// From what is kept of each therapist when it reaches back far enough (a
		// booking, the first free slots from now on); the rest from the database.
		Map<TherapistId, List<TimeRange>> result = new HashMap<>();
		List<TherapistId> unknown = new ArrayList<>();
		Map<TherapistId, Kept> kept = keptAll(therapists);
		for (TherapistId therapist : therapists) {
			Kept known = kept.get(therapist);
			if (known != null && !window.start().isBefore(known.readAt())) {
				result.put(therapist, known.timeOffAhead().stream().filter(away -> away.overlaps(window)).toList());
			}
			else {
				unknown.add(therapist);
			}
		}
		if (unknown.isEmpty()) {
			return result;
		}
		unknown.forEach(id -> result.put(id, new ArrayList<>()));
		this.jdbc.sql("""
				SELECT therapist_id, lower(period) AS starts, upper(period) AS ends FROM time_off
				WHERE therapist_id = ANY (?) AND period && tstzrange(?, ?, '[)') ORDER BY lower(period)""")
			.params(ids(unknown), utc(window.start()), utc(window.end()))
			.query((rs, n) -> {
				result.get(new TherapistId(rs.getObject("therapist_id", UUID.class)))
					.add(new TimeRange(instant(rs, "starts"), instant(rs, "ends")));
				return null;
			})
			.list();
		return result;
	}

	/**
	 * Whole therapists in one statement: licences, certifications and hours come along as
	 * parallel arrays (each ordered the same way), so a booking or an availability
	 * question pays one round trip for them however many therapists it concerns.
	 */
	private List<Therapist> load(String where, Object... params) {
		return this.jdbc.sql(QUERY.formatted("", "", where)).params(params).query((rs, n) -> therapist(rs)).list();
	}

	/** A whole therapist per row; %s: extra columns, extra joins, the condition. */
	private static final String QUERY = """
			SELECT t.clinic_id, t.id, t.name, t.bio, t.languages, t.years_back_pain, t.gender, t.deactivated_at,
			       l.jurisdictions, l.numbers, l.valid_froms, l.valid_untils, l.verifieds, c.techniques, c.certified_ons,
			       c.certified_untils,
			       w.days, w.starts, w.ends %s
			FROM therapist t
			JOIN clinic cl ON cl.id = t.clinic_id
			LEFT JOIN LATERAL (SELECT array_agg(jurisdiction ORDER BY valid_from, number) AS jurisdictions,
			                          array_agg(number ORDER BY valid_from, number) AS numbers,
			                          array_agg(valid_from ORDER BY valid_from, number) AS valid_froms,
			                          array_agg(valid_until ORDER BY valid_from, number) AS valid_untils,
			                          array_agg(verified_at IS NOT NULL ORDER BY valid_from, number) AS verifieds
			                   FROM licence WHERE therapist_id = t.id AND clinic_id = t.clinic_id) l ON true
			LEFT JOIN LATERAL (SELECT array_agg(technique ORDER BY technique) AS techniques,
			                          array_agg(certified_on ORDER BY technique) AS certified_ons,
			                          array_agg(valid_until ORDER BY technique) AS certified_untils
			                   FROM certification WHERE therapist_id = t.id AND clinic_id = t.clinic_id
			                   -- Today in the clinic's own zone: a certification ending "yesterday" there is over.
			                   AND verified_at IS NOT NULL
			                   AND (valid_until IS NULL OR valid_until >= (now() AT TIME ZONE cl.time_zone)::date)) c ON true
			LEFT JOIN LATERAL (SELECT array_agg(day_of_week ORDER BY day_of_week, starts) AS days,
			                          array_agg(starts ORDER BY day_of_week, starts) AS starts,
			                          array_agg(ends ORDER BY day_of_week, starts) AS ends
			                   FROM working_hours WHERE therapist_id = t.id AND clinic_id = t.clinic_id) w ON true
			%s
			WHERE %s ORDER BY t.name, t.id""";

	/**
	 * For a therapist kept in memory: their time off from now on, the moment of reading
	 * and the end of the clinic's day (when the certifications read as of today must be
	 * read again).
	 */
	private static final String TIME_OFF_AHEAD = """
			, o.time_off_starts, o.time_off_ends, now() AS read_at,
			((now() AT TIME ZONE cl.time_zone)::date + 1) AT TIME ZONE cl.time_zone AS day_ends""";

	private static final String TIME_OFF_AHEAD_JOIN = """
			LEFT JOIN LATERAL (SELECT array_agg(lower(period) ORDER BY lower(period)) AS time_off_starts,
			                          array_agg(upper(period) ORDER BY lower(period)) AS time_off_ends
			                   FROM time_off WHERE therapist_id = t.id AND upper(period) > now()) o ON true""";

	private static List<TimeRange> periods(Array starts, Array ends) throws SQLException {
		Object[] from = objects(starts);
		Object[] to = objects(ends);
		List<TimeRange> periods = new ArrayList<>();
		for (int i = 0; i < from.length; i++) {
			periods.add(new TimeRange(moment(from[i]), moment(to[i])));
		}
		return List.copyOf(periods);
	}

	private static Instant moment(Object value) {
		return (value instanceof java.sql.Timestamp timestamp) ? timestamp.toInstant()
				: ((OffsetDateTime) value).toInstant();
	}

	private static Therapist therapist(ResultSet rs) throws SQLException {
		List<Licence> licences = new ArrayList<>();
		String[] jurisdictions = strings(rs.getArray("jurisdictions"));
		String[] numbers = strings(rs.getArray("numbers"));
		Object[] froms = objects(rs.getArray("valid_froms"));
		Object[] untils = objects(rs.getArray("valid_untils"));
		Object[] verifieds = objects(rs.getArray("verifieds"));
		for (int i = 0; i < jurisdictions.length; i++) {
			licences.add(
					new Licence(jurisdictions[i], numbers[i], date(froms[i]), date(untils[i]), (Boolean) verifieds[i]));
		}
		EnumSet<Technique> techniques = EnumSet.noneOf(Technique.class);
		Map<Technique, LocalDate> certifiedOn = new EnumMap<>(Technique.class);
		String[] certified = strings(rs.getArray("techniques"));
		Object[] certifiedOns = objects(rs.getArray("certified_ons"));
		Object[] certifiedUntils = objects(rs.getArray("certified_untils"));
		Map<Technique, LocalDate> certifiedUntil = new EnumMap<>(Technique.class);
		for (int i = 0; i < certified.length; i++) {
			Technique technique = Technique.valueOf(certified[i]);
			techniques.add(technique);
			if (certifiedOns[i] != null) {
				certifiedOn.put(technique, date(certifiedOns[i]));
			}
			if (certifiedUntils[i] != null) {
				certifiedUntil.put(technique, date(certifiedUntils[i]));
			}
		}
		List<WorkingInterval> hours = new ArrayList<>();
		Object[] days = objects(rs.getArray("days"));
		Object[] starts = objects(rs.getArray("starts"));
		Object[] ends = objects(rs.getArray("ends"));
		for (int i = 0; i < days.length; i++) {
			hours.add(new WorkingInterval(DayOfWeek.of(((Number) days[i]).intValue()), time(starts[i]), time(ends[i])));
		}
		return new Therapist(new TherapistId(rs.getObject("id", UUID.class)),
				new ClinicId(rs.getObject("clinic_id", UUID.class)), rs.getString("name"), rs.getString("bio"),
				List.of(strings(rs.getArray("languages"))), rs.getInt("years_back_pain"), List.copyOf(licences),
				Collections.unmodifiableSet(techniques), new WeeklyHours(hours), Gender.valueOf(rs.getString("gender")),
				Collections.unmodifiableMap(certifiedOn), Collections.unmodifiableMap(certifiedUntil),
				rs.getObject("deactivated_at") == null);
	}

	private static String[] strings(Array array) throws SQLException {
		return (array == null) ? new String[0] : (String[]) array.getArray();
	}

	private static Object[] objects(Array array) throws SQLException {
		return (array == null) ? new Object[0] : (Object[]) array.getArray();
	}

	private static LocalDate date(Object value) {
		return (value instanceof Date date) ? date.toLocalDate() : (LocalDate) value;
	}

	private static LocalTime time(Object value) {
		return (value instanceof Time time) ? time.toLocalTime() : (LocalTime) value;
	}

	private static UUID[] ids(Collection<TherapistId> therapists) {
		return therapists.stream().map(TherapistId::value).toArray(UUID[]::new);
	}

}
