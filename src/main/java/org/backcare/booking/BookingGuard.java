package org.backcare.booking;

import java.util.List;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.therapist.Technique;

/**
 * A check another module adds to every booking and reschedule: the intake module refuses
 * clients who must see a doctor first and techniques their contraindications rule out.
 * Booking knows the interface, not the modules behind it, so clinical rules stay where
 * they are written.
 */
public interface BookingGuard {

	/**
	 * Why this client may not be booked (for this technique, when one is asked for), or
	 * empty.
	 */
	Optional<Refusal> refusal(ClientId client, Technique technique);

	/**
	 * Why this client may not be booked for a treatment (anything but a first
	 * consultation) in a clinic that asks for an intake before treatment, or empty. Asked
	 * only for new bookings: a session already booked may be moved. The front desk may
	 * book despite it, with a reason on record.
	 */
	default Optional<Refusal> beforeTreatment(ClientId client) {
		return Optional.empty();
	}

	/**
	 * What the booking page should tell this client before they choose a time, if
	 * anything.
	 */
	Optional<Guidance> guidance(ClientId client);

	/**
	 * {@code rule} is the stable name clients see in the 422 problem, {@code detail} the
	 * explanation.
	 */
	record Refusal(String rule, String detail) {
	}

	/**
	 * @param mayBook false when booking is refused outright (the page then shows no
	 * times)
	 * @param recommended techniques recommended to the client, best first
	 * @param cadence how often and how many sessions the plan recommends, if it does
	 */
	record Guidance(String headline, String detail, boolean mayBook, List<Technique> recommended, String link,
			Cadence cadence) {

		public Guidance(String headline, String detail, boolean mayBook, List<Technique> recommended, String link) {
			this(headline, detail, mayBook, recommended, link, null);
		}

	}

	/**
	 * A recommended rhythm of sessions: {@code sessions} of them, {@code everyWeeks}
	 * apart, as the plan says it ({@code described}).
	 */
	record Cadence(int everyWeeks, int sessions, String described) {
	}

}
