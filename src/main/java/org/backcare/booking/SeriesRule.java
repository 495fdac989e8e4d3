package org.backcare.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.backcare.platform.InvalidRequest;

import net.fortuna.ical4j.model.Recur;

/**
 * How often a series of sessions recurs: every {@code everyWeeks} weeks, {@code count}
 * times or until a date (with both, whichever comes first). Kept as an RFC 5545 RRULE and
 * expanded by ical4j from the first session's wall-clock time, so a 10:00 series stays at
 * 10:00 local time across daylight-saving changes; each wall-clock time becomes an
 * instant in the clinic's zone only afterwards.
 */
public record SeriesRule(int everyWeeks, Integer count, LocalDate until) {

	/** At most this many sessions in one series: a year of weekly sessions. */
	public static final int MAX_SESSIONS = 52;

	/** At most this many weeks between sessions. */
	public static final int MAX_WEEKS_APART = 12;

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	public SeriesRule {
		if (everyWeeks < 1 || everyWeeks > MAX_WEEKS_APART) {
			throw new InvalidRequest("Sessions can be 1 to " + MAX_WEEKS_APART + " weeks apart.");
		}
		if (count == null && until == null) {
			throw new InvalidRequest("Give how many sessions (count) or the last day (until).");
		}
		if (count != null && (count < 1 || count > MAX_SESSIONS)) {
			throw new InvalidRequest("A series has 1 to " + MAX_SESSIONS + " sessions.");
		}
	}

	/**
	 * The rule as RFC 5545 writes it, e.g. {@code FREQ=WEEKLY;INTERVAL=2;COUNT=6}. (RFC
	 * 5545 allows COUNT or UNTIL, not both: with both, the count of sessions up to the
	 * last day is the rule.)
	 */
	public String rrule() {
		return (this.count != null) ? "FREQ=WEEKLY;INTERVAL=" + this.everyWeeks + ";COUNT=" + this.count
				: "FREQ=WEEKLY;INTERVAL=" + this.everyWeeks + ";UNTIL="
						+ UNTIL.format(this.until.atTime(LocalTime.MAX.withNano(0)));
	}

	/** The rule of exactly these sessions, as stored with the series. */
	public String rrule(List<LocalDateTime> starts) {
		return (this.count != null) ? "FREQ=WEEKLY;INTERVAL=" + this.everyWeeks + ";COUNT=" + starts.size() : rrule();
	}

	/**
	 * The wall-clock start of every session, the first included, in order.
	 * @throws InvalidRequest when "until" lies before the first session or the rule makes
	 * more than {@link #MAX_SESSIONS}
	 */
	public List<LocalDateTime> starts(LocalDateTime first) {
		if (this.until != null && this.until.isBefore(first.toLocalDate())) {
			throw new InvalidRequest("The last day (" + this.until + ") lies before the first session.");
		}
		if (this.count == null
				&& this.until.isAfter(first.toLocalDate().plusWeeks((long) this.everyWeeks * MAX_SESSIONS))) {
			throw new InvalidRequest(
					"That makes more than " + MAX_SESSIONS + " sessions; a series has at most " + MAX_SESSIONS + ".");
		}
		Recur<LocalDateTime> recur = new Recur<>(rrule());
		LocalDateTime end = (this.count == null) ? this.until.plusDays(1).atStartOfDay()
				: first.plusWeeks((long) this.everyWeeks * MAX_SESSIONS + 1);
		List<LocalDateTime> starts = recur.getDates(first, first, end)
			.stream()
			.filter(start -> this.until == null || !start.toLocalDate().isAfter(this.until))
			.toList();
		if (starts.size() > MAX_SESSIONS) {
			throw new InvalidRequest(
					"That makes " + starts.size() + " sessions; a series has at most " + MAX_SESSIONS + ".");
		}
		return starts;
	}

}
