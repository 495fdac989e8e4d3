package org.backcare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;

/**
 * A reminder planned for one version of a session, {@code before} its start. Its name is
 * the timed job's id and the key of the mail it writes, so the job runs once per session
 * version and lead time, and its mail is written once however often the job runs. A
 * session that moves gets a new version, and so new reminders; the old ones find the
 * version gone and send nothing.
 */
record PlannedReminder(AppointmentId appointment, int version, Duration before) {

	private static final Pattern NAME = Pattern.compile("([0-9a-f-]{36})/v(\\d{1,9})/(\\d{1,3})h");

	static PlannedReminder of(Appointment session, Duration before) {
		return new PlannedReminder(session.id(), session.version(), before);
	}

	/** "…uuid…/v2/48h". */
	String name() {
		return this.appointment.value() + "/v" + this.version + "/" + this.before.toHours() + "h";
	}

	static PlannedReminder parse(String name) {
		Matcher matcher = NAME.matcher(name);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a planned reminder: " + name);
		}
		return new PlannedReminder(new AppointmentId(UUID.fromString(matcher.group(1))),
				Integer.parseInt(matcher.group(2)), Duration.ofHours(Integer.parseInt(matcher.group(3))));
	}

	/**
	 * A reminder is not planned within this long of the booking or move that causes it:
	 * the client has just been mailed about the session (the clinic's own rule).
	 */
	static final Duration NOT_RIGHT_AFTER_BOOKING = Duration.ofHours(1);

	/** Whether a reminder due then is worth planning now. */
	static boolean worthPlanning(Instant due, Instant now) {
		return !due.isBefore(now.plus(NOT_RIGHT_AFTER_BOOKING));
	}

	/**
	 * Whether the reminder should still go now: the session is still the one it was
	 * planned for (booked, at that version: a move raises the version and plans its own
	 * reminders; cancelling, completing or marking a no-show end them), has not started,
	 * the clinic still reminds at this lead time, and no shorter reminder is due as well
	 * (after a stop both fall due at once: the client gets the nearer one only).
	 */
	boolean wanted(Appointment session, List<Duration> leads, Instant now) {
		return session.isActive() && session.version() == this.version && session.start().isAfter(now)
				&& leads.contains(this.before)
				&& leads.stream()
					.filter(lead -> lead.compareTo(this.before) < 0)
					.noneMatch(shorter -> !session.start().minus(shorter).isAfter(now));
	}

}
