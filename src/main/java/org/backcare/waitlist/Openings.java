package org.backcare.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.backcare.booking.AppointmentCancelled;
import org.backcare.booking.AppointmentRescheduled;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.CredentialChanged;
import org.backcare.therapist.TherapistChanged;
import org.backcare.therapist.TherapistId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Notes time that becomes free, in the transaction that frees it: a cancelled session,
 * the old time of a moved one, and a therapist's whole bookable period when their hours,
 * time off or licence give them new time. A client's own change is offered at once; the
 * front desk's edits first settle (see {@link WaitlistProperties#settleDelay()}). Nothing
 * is noted while nobody waits in the clinic.
 */
@Component
class Openings {

	private final WaitlistRepository waitlist;

	private final Clinics clinics;

	private final WaitlistProperties properties;

	private final Clock clock;

	Openings(WaitlistRepository waitlist, Clinics clinics, WaitlistProperties properties, Clock clock) {
		this.waitlist = waitlist;
		this.clinics = clinics;
		this.properties = properties;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentCancelled cancelled) {
		freed(cancelled.clinic(), cancelled.therapist(), new TimeRange(cancelled.start(), cancelled.end()),
				Opening.FreedBy.CANCELLATION, cancelled.byClient());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentRescheduled moved) {
		freed(moved.clinic(), moved.previousTherapist(), new TimeRange(moved.previousStart(), moved.previousEnd()),
				Opening.FreedBy.MOVE, moved.byClient());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(TherapistChanged changed) {
		switch (changed.change()) {
			case HOURS_SET, TIME_OFF_REMOVED, REACTIVATED -> newTime(changed.clinic(), changed.therapist());
			default -> {
			}
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CredentialChanged changed) {
		switch (changed.change()) {
			case LICENCE_RECORDED, LICENCE_VERIFIED, CERTIFICATION_RECORDED, CERTIFICATION_VERIFIED ->
				newTime(changed.clinic(), changed.therapist());
			default -> {
			}
		}
	}

	/** New hours may free any time the therapist can be booked for. */
	private void newTime(ClinicId clinic, TherapistId therapist) {
		Instant now = this.clock.instant();
		freed(clinic, therapist, new TimeRange(now, now.plus(this.clinics.get(clinic).booking().horizon())),
				Opening.FreedBy.HOURS, false);
	}

	private void freed(ClinicId clinic, TherapistId therapist, TimeRange time, Opening.FreedBy by, boolean byClient) {
		Instant now = this.clock.instant();
		if (!time.end().isAfter(now) || !this.waitlist.anyoneWaiting(clinic)) {
			return;
		}
		Instant ready = byClient ? now : now.plus(this.properties.settleDelay());
		if (!byClient) {
			this.waitlist.settleAgain(therapist, now, ready);
		}
		this.waitlist.insert(new Opening(UUID.randomUUID(), clinic, therapist, time, by, ready, false), now);
	}

}
