package org.backcare.booking;

import org.backcare.platform.RuleRefused;

import org.springframework.http.HttpStatus;

/**
 * A booking rule refused the booking; {@code rule} names which one, for clients to act
 * on.
 */
public class BookingRefused extends RuleRefused {

	BookingRefused(String rule, String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "booking-refused", "Booking refused", rule, detail);
	}

}
