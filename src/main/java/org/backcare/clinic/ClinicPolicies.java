package org.backcare.clinic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A clinic's own rules for its clients (the clinic's rules, not published ones): how late
 * a session may still be cancelled or moved online — 24 hours before its start unless the
 * clinic says otherwise (the front desk can always; then it counts as a late
 * cancellation) — whether a treatment needs a current intake first (on unless the clinic
 * turns it off; a first consultation never does), and how long before a session its
 * client is reminded (48 and 2 hours unless the clinic says otherwise, as Jane and
 * ClinicSense send two; none at all if it says so).
 */
public record ClinicPolicies(Duration cancellationWindow, boolean intakeBeforeTreatment, List<Duration> reminders) {

	/** At most this many reminders before a session. */
	public static final int MAX_REMINDERS = 2;

	/** The earliest reminder: a week before. */
	public static final Duration LONGEST_REMINDER = Duration.ofDays(7);

	public static final ClinicPolicies DEFAULT = new ClinicPolicies(Duration.ofHours(24), true,
			List.of(Duration.ofHours(48), Duration.ofHours(2)));

	public ClinicPolicies {
		reminders = List.copyOf(reminders);
		if (reminders.size() > MAX_REMINDERS || reminders.stream().distinct().count() != reminders.size()
				|| reminders.stream()
					.anyMatch(before -> before.compareTo(Duration.ofHours(1)) < 0
							|| before.compareTo(LONGEST_REMINDER) > 0 || before.toSeconds() % 3600 != 0)) {
			throw new IllegalArgumentException("At most " + MAX_REMINDERS + " different reminders, each 1 to "
					+ LONGEST_REMINDER.toHours() + " whole hours before, not " + reminders);
		}
	}

	public ClinicPolicies withCancellationWindow(Duration window) {
		return new ClinicPolicies(window, this.intakeBeforeTreatment, this.reminders);
	}

	public ClinicPolicies withIntakeBeforeTreatment(boolean required) {
		return new ClinicPolicies(this.cancellationWindow, required, this.reminders);
	}

	public ClinicPolicies withReminders(List<Duration> before) {
		return new ClinicPolicies(this.cancellationWindow, this.intakeBeforeTreatment, before);
	}

	/**
	 * A period of a clinic's rules as people say it: "2 days", "24 hours", "1 hour", "90
	 * minutes" (the cancellation window, the minimum notice).
	 */
	public static String inWords(Duration period) {
		long minutes = period.toMinutes();
		if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
			return (minutes / (24 * 60)) + " days";
		}
		if (minutes % 60 == 0) {
			long hours = minutes / 60;
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	/**
	 * Whether a session starting at {@code start} may still be cancelled or moved online
	 * at {@code now}: up to the window before its start, that instant included.
	 */
	public boolean mayChangeOnline(Instant start, Instant now) {
		return !now.isAfter(start.minus(this.cancellationWindow));
	}

}
