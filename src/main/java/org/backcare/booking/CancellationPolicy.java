package org.backcare.booking;

import java.time.Duration;

/**
 * The clinic's cancellation window in words, as clients read it where they book and where
 * they cancel.
 */
public final class CancellationPolicy {

	private CancellationPolicy() {
	}

	/** "24 hours", "2 days", "90 minutes". */
	public static String describe(Duration window) {
		long minutes = window.toMinutes();
		if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
			return (minutes / (24 * 60)) + " days";
		}
		if (minutes % 60 == 0) {
			long hours = minutes / 60;
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		return minutes + " minutes";
	}

}
