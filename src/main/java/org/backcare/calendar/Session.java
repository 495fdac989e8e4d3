package org.backcare.calendar;

import java.time.OffsetDateTime;
import java.util.List;

import org.backcare.booking.Appointment;
import org.backcare.feedback.SessionFeedback;
import org.backcare.notes.SessionNote;
import org.backcare.homecare.HomeCare;
import org.backcare.plan.NextSessionPlans;

/**
 * One session on a therapist's day, with what they should know before it: the client's
 * cautions (contraindications), techniques ruled out for them, whether a doctor's
 * all-clear is on record after a referral, and the pressure they prefer. {@code started}:
 * the therapist may now mark it and write its note. {@code note}: the session's note as
 * the caller may see it (a draft only its writer), or null.
 */
public record Session(Appointment appointment, String clientName, String service, OffsetDateTime start,
		OffsetDateTime end, List<String> cautions, List<String> ruledOut, boolean clearedAfterReferral, String pressure,
		boolean hasIntake, boolean started, SessionNote note, SessionFeedback feedback, SessionFeedback lastFeedback,
		NextSessionPlans.Planned plan, HomeCare.Overview home) {

	/**
	 * Whether a note can be written or read for it: it has begun and was not cancelled or
	 * missed.
	 */
	public boolean noteable() {
		return this.started && (this.appointment.isActive()
				|| this.appointment.status() == org.backcare.booking.AppointmentStatus.COMPLETED);
	}

	public boolean needsCare() {
		return !this.cautions.isEmpty() || !this.ruledOut.isEmpty() || this.clearedAfterReferral;
	}

}
