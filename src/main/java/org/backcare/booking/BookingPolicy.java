package org.backcare.booking;

import java.time.Duration;

/**
 * The booking rules every clinic shares. How soon and how far ahead a session may be
 * booked is each clinic's own ({@link org.backcare.clinic.BookingWindow}).
 */
public final class BookingPolicy {

	/** Sessions start on the quarter hour of the clinic's wall clock. */
	public static final Duration GRID = Duration.ofMinutes(15);

	/** The longest date range one availability question may cover. */
	public static final int MAX_RANGE_DAYS = 92;

	private BookingPolicy() {
	}

}
