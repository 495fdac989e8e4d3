package org.backcare.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a session may be booked.
 *
 * @param minimumNotice the earliest start is this far from now, so the therapist can
 * prepare
 * @param horizon the latest start is this far from now; further ahead, hours are not yet
 * planned
 */
@ConfigurationProperties("backcare.booking")
public record BookingPolicy(@DefaultValue("2h") Duration minimumNotice, @DefaultValue("90d") Duration horizon) {

	/** Sessions start on the quarter hour of the clinic's wall clock. */
	public static final Duration GRID = Duration.ofMinutes(15);

	/** The longest date range one availability question may cover. */
	public static final int MAX_RANGE_DAYS = 92;

	public BookingPolicy {
		if (minimumNotice.isNegative() || horizon.compareTo(minimumNotice) <= 0) {
			throw new IllegalArgumentException("backcare.booking: the horizon (" + horizon
					+ ") must lie beyond the minimum notice (" + minimumNotice + "), and neither may be negative");
		}
	}

}
