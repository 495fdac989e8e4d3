package org.backcare.therapist;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.TimeRange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The therapist module's public face. Loads whole therapists (licences, certifications, hours)
 * in a fixed number of queries however many are asked for, because availability across a
 * clinic needs all of them at once.
 */
@Service
public class Therapists {

	private final JdbcClient jdbc;

	Therapists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public TherapistId register(ClinicId clinic, NewTherapist therapist) {
		TherapistId id = new TherapistId(UUID.randomUUID());
		this.jdbc.sql("""
				INSERT INTO therapist (clinic_id, id, name, bio, languages, years_back_pain)
				VALUES (?, ?, ?, ?, string_to_array(?, ','), ?)""")
			.params(clinic.value(), id.value(), therapist.name(), therapist.bio(), String.join(",", therapist.languages()),
					therapist.yearsTreatingBackPain())
			.update();
		for (Licence licence : therapist.licences()) {
			this.jdbc.sql("""
					INSERT INTO licence (clinic_id, therapist_id, jurisdiction, number, valid_from, valid_until)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(clinic.value(), id.value(), licence.jurisdiction(), licence.number(), licence.validFrom(),
						licence.validUntil())
				.update();
		}
		for (Technique technique : therapist.techniques()) {
			this.jdbc.sql("INSERT INTO certification (clinic_id, therapist_id, technique) VALUES (?, ?, ?)")
				.params(clinic.value(), id.value(), technique.name())
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

	public void addTimeOff(TherapistId therapist, TimeRange period, String reason) {
		Therapist known = get(therapist);
		this.jdbc.sql("""
				INSERT INTO time_off (clinic_id, therapist_id, id, period, reason)
				VALUES (?, ?, ?, tstzrange(?, ?, '[)'), ?)""")
			.params(known.clinicId().value(), therapist.value(), UUID.randomUUID(), utc(period.start()), utc(period.end()),
					reason)
			.update();
	}

	public List<Therapist> all(ClinicId clinic) {
		return load("clinic_id = ?", clinic.value());
	}

	public List<Therapist> certifiedIn(ClinicId clinic, Technique technique) {
		return load("clinic_id = ? AND id IN (SELECT therapist_id FROM certification WHERE clinic_id = ? AND technique = ?)",
				clinic.value(), clinic.value(), technique.name());
	}

	public Optional<Therapist> find(TherapistId id) {
		return load("id = ?", id.value()).stream().findFirst();
	}

	public Therapist get(TherapistId id) {
		return find(id).orElseThrow(() -> new RecordNotFound("Therapist", id));
	}

	/** Time off of each therapist that overlaps the window; therapists without any map to an empty list. */
	public Map<TherapistId, List<TimeRange>> timeOff(Collection<TherapistId> therapists, TimeRange window) {
		Map<TherapistId, List<TimeRange>> result = new HashMap<>();
		therapists.forEach(id -> result.put(id, new ArrayList<>()));
		this.jdbc.sql("""
				SELECT therapist_id, lower(period) AS starts, upper(period) AS ends FROM time_off
				WHERE therapist_id = ANY (?) AND period && tstzrange(?, ?, '[)') ORDER BY lower(period)""")
			.params(ids(therapists), utc(window.start()), utc(window.end()))
			.query((rs, n) -> {
				result.get(new TherapistId(rs.getObject("therapist_id", UUID.class)))
					.add(new TimeRange(instant(rs, "starts"), instant(rs, "ends")));
				return null;
			})
			.list();
		return result;
	}

	private List<Therapist> load(String where, Object... params) {
		Map<UUID, Row> rows = new LinkedHashMap<>();
		this.jdbc.sql("SELECT clinic_id, id, name, bio, languages, years_back_pain FROM therapist WHERE " + where
				+ " ORDER BY name, id")
			.params(params)
			.query((rs, n) -> rows.put(rs.getObject("id", UUID.class), new Row(rs)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		UUID[] ids = rows.keySet().toArray(UUID[]::new);
		this.jdbc.sql("SELECT therapist_id, jurisdiction, number, valid_from, valid_until FROM licence "
				+ "WHERE therapist_id = ANY (?) ORDER BY valid_from")
			.param(ids)
			.query((rs, n) -> rows.get(rs.getObject("therapist_id", UUID.class)).licences
				.add(new Licence(rs.getString("jurisdiction"), rs.getString("number"),
						rs.getObject("valid_from", java.time.LocalDate.class),
						rs.getObject("valid_until", java.time.LocalDate.class))))
			.list();
		this.jdbc.sql("SELECT therapist_id, technique FROM certification WHERE therapist_id = ANY (?)")
			.param(ids)
			.query((rs, n) -> rows.get(rs.getObject("therapist_id", UUID.class)).techniques
				.add(Technique.valueOf(rs.getString("technique"))))
			.list();
		this.jdbc.sql("SELECT therapist_id, day_of_week, starts, ends FROM working_hours WHERE therapist_id = ANY (?)")
			.param(ids)
			.query((rs, n) -> rows.get(rs.getObject("therapist_id", UUID.class)).hours
				.add(new WorkingInterval(DayOfWeek.of(rs.getInt("day_of_week")),
						rs.getObject("starts", java.time.LocalTime.class), rs.getObject("ends", java.time.LocalTime.class))))
			.list();
		return rows.values().stream().map(Row::toTherapist).toList();
	}

	private static UUID[] ids(Collection<TherapistId> therapists) {
		return therapists.stream().map(TherapistId::value).toArray(UUID[]::new);
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static final class Row {

		final TherapistId id;

		final ClinicId clinic;

		final String name;

		final String bio;

		final List<String> languages;

		final int years;

		final List<Licence> licences = new ArrayList<>();

		final EnumSet<Technique> techniques = EnumSet.noneOf(Technique.class);

		final List<WorkingInterval> hours = new ArrayList<>();

		Row(ResultSet rs) throws SQLException {
			this.id = new TherapistId(rs.getObject("id", UUID.class));
			this.clinic = new ClinicId(rs.getObject("clinic_id", UUID.class));
			this.name = rs.getString("name");
			this.bio = rs.getString("bio");
			Array array = rs.getArray("languages");
			this.languages = List.of((String[]) array.getArray());
			this.years = rs.getInt("years_back_pain");
		}

		Therapist toTherapist() {
			return new Therapist(this.id, this.clinic, this.name, this.bio, this.languages, this.years,
					List.copyOf(this.licences), java.util.Collections.unmodifiableSet(this.techniques),
					new WeeklyHours(this.hours));
		}

	}

}
