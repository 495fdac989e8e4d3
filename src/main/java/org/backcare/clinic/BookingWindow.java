package org.backcare.clinic;

import java.time.Duration;

/**
 * When the clinic's sessions may be booked (the clinic's own rule): no sooner than the
 * minimum notice from now, so the therapist can prepare, and no further ahead than the
 * horizon, beyond which hours are not yet planned. Two hours and 90 days unless the
 * clinic says otherwise; the database holds the same limits.
 */
public record BookingWindow(Duration minimumNotice, Duration horizon) {

	/** The longest notice a clinic may ask for. */
	public static final Duration MAX_NOTICE = Duration.ofDays(2);

	/** The shortest horizon: a week, so it always lies beyond the longest notice. */
	public static final int MIN_HORIZON_DAYS = 7;

	/** The longest horizon: two years. */
	public static final int MAX_HORIZON_DAYS = 730;

	/** Declared after the limits it is checked against, so they exist when it is made. */
	public static final BookingWindow DEFAULT = new BookingWindow(Duration.ofHours(2), Duration.ofDays(90));

	public BookingWindow {
		if (minimumNotice.isNegative() || minimumNotice.compareTo(MAX_NOTICE) > 0
				|| minimumNotice.toSeconds() % 60 != 0) {
			throw new IllegalArgumentException(
					"The minimum notice is 0 to " + MAX_NOTICE.toMinutes() + " whole minutes, not " + minimumNotice);
		}
		if (horizon.toDays() < MIN_HORIZON_DAYS || horizon.toDays() > MAX_HORIZON_DAYS
				|| !horizon.equals(Duration.ofDays(horizon.toDays()))) {
			throw new IllegalArgumentException("The booking horizon is " + MIN_HORIZON_DAYS + " to " + MAX_HORIZON_DAYS
					+ " whole days, not " + horizon);
		}
	}

	/** The notice in words: "2 hours", "90 minutes". */
	public String noticeInWords() {
		return ClinicPolicies.inWords(this.minimumNotice);
	}

}
