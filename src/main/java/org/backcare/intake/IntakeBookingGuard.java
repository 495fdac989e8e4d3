package org.backcare.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.backcare.assessment.Referral;
import org.backcare.booking.BookingGuard;
import org.backcare.booking.SeriesRule;
import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;

import org.springframework.stereotype.Component;

/**
 * What the intake means for booking. A referral without a recorded clearance refuses
 * every booking, whoever makes it (the front desk too: the clearance is how staff unblock
 * it, and it is audited). A technique the client's contraindications rule out is refused.
 * Where the clinic asks for an intake before treatment, a client without a current one
 * may book only a first consultation (the front desk may book a treatment with a reason).
 */
@Component
class IntakeBookingGuard implements BookingGuard {

	/**
	 * How long an intake stays current: a year. The clinic's own rule (health history
	 * reviewed at least yearly, as massage clinics commonly ask), not a published
	 * threshold; a newer intake replaces it at any time.
	 */
	static final Duration CURRENT_FOR = Duration.ofDays(365);

	private final IntakeRepository intakes;

	private final Clock clock;

	IntakeBookingGuard(IntakeRepository intakes, Clock clock) {
		this.intakes = intakes;
		this.clock = clock;
	}

	/** Up to {@link #CURRENT_FOR} after its submission, that instant included. */
	static boolean isCurrent(Instant submitted, Instant now) {
		return !submitted.plus(CURRENT_FOR).isBefore(now);
	}

	@Override
	public Optional<Refusal> beforeTreatment(ClientId client) {
		Optional<Instant> submitted = this.intakes.latestSubmission(client);
		if (submitted.isPresent() && isCurrent(submitted.get(), this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(new Refusal("intake-before-treatment", (submitted.isPresent()
				? "The last questionnaire about the client's back is more than a year old. "
				: "There is no questionnaire about the client's back yet. ")
				+ "Before a treatment the clinic asks for one (it checks that massage is safe): fill it in under "
				+ "\"My back\", or book a first consultation, where the therapist goes through it with you. The front "
				+ "desk can book a treatment without it and say why."));
	}

	@Override
	public Optional<Refusal> refusal(ClientId client, Technique technique) {
		return this.intakes.bookingStatus(client).flatMap(status -> {
			if (!status.mayBook()) {
				return Optional.of(new Refusal("medical-referral", (status.referral() == Referral.URGENT)
						? "The intake found signs that need emergency medical care today. Sessions can be booked once a "
								+ "doctor's all-clear is recorded by the clinic."
						: "The intake asks for a doctor's check before massage. Sessions can be booked once the clinic "
								+ "has recorded the doctor's all-clear."));
			}
			if (technique != null && status.restricted().contains(technique)) {
				return Optional.of(new Refusal("technique-contraindicated", technique.displayName()
						+ " is ruled out by what the client told us in their intake; choose another technique."));
			}
			return Optional.empty();
		});
	}

	@Override
	public Optional<Guidance> guidance(ClientId client) {
		Optional<Intake> latest = this.intakes.latest(client);
		if (latest.isEmpty()) {
			return Optional.of(new Guidance("Tell us about your back first",
					"A short questionnaire before your first visit lets us check it is safe and suggest the care that fits.",
					true, List.of(), "/intake"));
		}
		Intake intake = latest.get();
		if (!intake.mayBook()) {
			return Optional.of(new Guidance(
					(intake.assessment().referral() == Referral.URGENT) ? "Please get emergency care now"
							: "Please see a doctor before booking",
					intake.assessment().referralAdvice(), false, List.of(), "/intake/" + intake.id()));
		}
		List<Technique> recommended = intake.techniques();
		var phase = intake.phase();
		return Optional.of(new Guidance("Recommended for you",
				recommended.stream().map(Technique::displayName).collect(Collectors.joining(", "))
						+ ". Start with a first consultation to meet your therapist and talk through the plan.",
				true, recommended, "/intake/" + intake.id(),
				// The initial phase as weeks between sessions (a series is weekly at
				// most).
				new Cadence(Math.max(1, Math.round(phase.everyDays() / 7f)),
						Math.min(SeriesRule.MAX_SESSIONS, phase.initialSessions()), phase.describe())));
	}

}
