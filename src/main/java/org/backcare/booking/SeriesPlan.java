package org.backcare.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every session of a series as it would be booked: at the rule's time, at a chosen
 * alternative, left out, or in conflict (with why, and the nearest free alternatives: the
 * same therapist, the same day first). A plan with a conflict left is booked only once
 * each conflict is left out or replaced. {@code series} is set once booked.
 */
public record SeriesPlan(UUID series, String rrule, List<Session> sessions) {

	public enum Choice {

		BOOK, ALTERNATIVE, SKIP, CONFLICT

	}

	/**
	 * @param wanted the start the rule gives
	 * @param start the start that will be booked (the alternative, when one was chosen)
	 * @param appointment the booked appointment's id, once booked
	 */
	public record Session(LocalDate date, Instant wanted, Instant start, Instant end, Choice choice, String rule,
			String detail, List<Instant> alternatives, AppointmentId appointment) {

		public boolean conflicting() {
			return this.choice == Choice.CONFLICT;
		}

		public boolean booked() {
			return this.choice == Choice.BOOK || this.choice == Choice.ALTERNATIVE;
		}

	}

	public boolean resolved() {
		return this.sessions.stream().noneMatch(Session::conflicting);
	}

	public List<Session> conflicts() {
		return this.sessions.stream().filter(Session::conflicting).toList();
	}

}
