package org.backcare.intake;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.backcare.assessment.Referral;
import org.backcare.booking.BookingGuard;
import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;

import org.springframework.stereotype.Component;

/**
 * What the intake means for booking. A referral without a recorded clearance refuses
 * every booking, whoever makes it (the front desk too: the clearance is how staff unblock
 * it, and it is audited). A technique the client's contraindications rule out is refused.
 * A client without an intake can book; the booking page invites them to fill one in.
 */
@Component
class IntakeBookingGuard implements BookingGuard {

	private final IntakeRepository intakes;

	IntakeBookingGuard(IntakeRepository intakes) {
		this.intakes = intakes;
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
		return Optional.of(new Guidance("Recommended for you",
				recommended.stream().map(Technique::displayName).collect(Collectors.joining(", "))
						+ ". Start with a first consultation to meet your therapist and talk through the plan.",
				true, recommended, "/intake/" + intake.id()));
	}

}
