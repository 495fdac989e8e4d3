package org.backcare.clinic;

import java.time.Duration;
import java.time.Instant;

/**
 * A clinic's own rules for its clients (the clinic's rules, not published ones): how late
 * a session may still be cancelled or moved online — 24 hours before its start unless the
 * clinic says otherwise. The front desk can always; then it counts as a late
 * cancellation.
 */
public record ClinicPolicies(Duration cancellationWindow) {

	public static final ClinicPolicies DEFAULT = new ClinicPolicies(Duration.ofHours(24));

	/**
	 * Whether a session starting at {@code start} may still be cancelled or moved online
	 * at {@code now}: up to the window before its start, that instant included.
	 */
	public boolean mayChangeOnline(Instant start, Instant now) {
		return !now.isAfter(start.minus(this.cancellationWindow));
	}

}
