package org.backcare.clinic;

import java.time.Duration;
import java.time.Instant;

/**
 * A clinic's own rules for its clients (the clinic's rules, not published ones): how late
 * a session may still be cancelled or moved online — 24 hours before its start unless the
 * clinic says otherwise (the front desk can always; then it counts as a late
 * cancellation) — and whether a treatment needs a current intake first (on unless the
 * clinic turns it off; a first consultation never does).
 */
public record ClinicPolicies(Duration cancellationWindow, boolean intakeBeforeTreatment) {

	public static final ClinicPolicies DEFAULT = new ClinicPolicies(Duration.ofHours(24), true);

	public ClinicPolicies withCancellationWindow(Duration window) {
		return new ClinicPolicies(window, this.intakeBeforeTreatment);
	}

	public ClinicPolicies withIntakeBeforeTreatment(boolean required) {
		return new ClinicPolicies(this.cancellationWindow, required);
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
