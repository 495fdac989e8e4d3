package org.backcare.booking;

import java.time.Duration;

import org.backcare.clinic.ClinicPolicies;

/**
 * The clinic's cancellation window in words, as clients read it where they book and where
 * they cancel.
 */
public final class CancellationPolicy {

	private CancellationPolicy() {
	}

	/** "24 hours", "2 days", "90 minutes". */
	public static String describe(Duration window) {
		return ClinicPolicies.inWords(window);
	}

}
