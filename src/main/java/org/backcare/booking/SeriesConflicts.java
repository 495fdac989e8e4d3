package org.backcare.booking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Some sessions of a series cannot be booked as the rule gives them, and the request did
 * not say what to do about them: nothing is booked, and the answer lists each conflict
 * with why and its nearest free alternatives, for the caller to leave out or replace.
 */
public class SeriesConflicts extends ProblemException {

	private final transient SeriesPlan plan;

	private final java.time.ZoneId zone;

	SeriesConflicts(SeriesPlan plan, java.time.ZoneId zone) {
		super(HttpStatus.CONFLICT, "series-conflicts", "Some sessions of the series conflict", plan.conflicts().size()
				+ " of the " + plan.sessions().size()
				+ " sessions cannot be booked as asked. Nothing is booked: leave them out (skip) or choose one of "
				+ "their alternatives (replace), or book nothing.");
		this.plan = plan;
		this.zone = zone;
	}

	public SeriesPlan plan() {
		return this.plan;
	}

	@Override
	protected Map<String, Object> properties() {
		List<Map<String, Object>> conflicts = this.plan.conflicts().stream().map(session -> {
			Map<String, Object> conflict = new LinkedHashMap<>();
			conflict.put("date", session.date().toString());
			conflict.put("start", local(session.start()));
			conflict.put("rule", session.rule());
			conflict.put("detail", session.detail());
			conflict.put("alternatives", session.alternatives().stream().map(this::local).toList());
			return conflict;
		}).toList();
		return Map.of("conflicts", conflicts);
	}

	private String local(java.time.Instant instant) {
		return instant.atZone(this.zone).toOffsetDateTime().toString();
	}

}
