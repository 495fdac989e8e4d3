package org.backcare.waitlist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The waitlist's timing. {@code offerLifetime}: how long an offer stays open before it
 * goes to the next waiting client (15 minutes). {@code settleDelay}: how long time freed
 * by the front desk (a cancellation or move by staff, new hours, time off removed) waits
 * before it is offered, so that a change made and undone, or one of several edits, is not
 * offered half-done; each further edit of the same therapist's time starts the wait
 * again. Time a client frees themselves is offered at once. {@code passEvery}: how often
 * the job looks for offers to make and offers that ended.
 */
@ConfigurationProperties("backcare.waitlist")
record WaitlistProperties(@DefaultValue("15m") Duration offerLifetime, @DefaultValue("2m") Duration settleDelay,
		@DefaultValue("10s") Duration passEvery) {

	/** How many waiting clients are offered the same opening at once. */
	static final int OFFERED_AT_ONCE = 3;

	WaitlistProperties {
		if (offerLifetime.compareTo(Duration.ofMinutes(1)) < 0 || offerLifetime.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("backcare.waitlist.offer-lifetime must be 1 minute to 1 day");
		}
		if (settleDelay.isNegative() || passEvery.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(
					"backcare.waitlist.settle-delay must not be negative, pass-every at least 1 second");
		}
	}

}
