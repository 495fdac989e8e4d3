package org.backcare.booking;

import java.util.Map;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** A business rule refused the booking; {@code rule} names which one, for clients to act on. */
public class BookingRefused extends ProblemException {

	private final String rule;

	BookingRefused(String rule, String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "booking-refused", "Booking refused", detail);
		this.rule = rule;
	}

	public String rule() {
		return this.rule;
	}

	@Override
	protected Map<String, Object> properties() {
		return Map.of("rule", this.rule);
	}

}
