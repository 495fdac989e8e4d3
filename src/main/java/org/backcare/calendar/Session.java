package org.backcare.calendar;

import java.time.OffsetDateTime;
import java.util.List;

import org.backcare.booking.Appointment;

/**
 * One session on a therapist's day, with what they should know before it: the client's
 * cautions (contraindications), techniques ruled out for them, whether a doctor's
 * all-clear is on record after a referral, and the pressure they prefer. {@code started}:
 * the therapist may now mark it.
 */
public record Session(Appointment appointment, String clientName, String service, OffsetDateTime start,
		OffsetDateTime end, List<String> cautions, List<String> ruledOut, boolean clearedAfterReferral, String pressure,
		boolean hasIntake, boolean started) {

	public boolean needsCare() {
		return !this.cautions.isEmpty() || !this.ruledOut.isEmpty() || this.clearedAfterReferral;
	}

}
