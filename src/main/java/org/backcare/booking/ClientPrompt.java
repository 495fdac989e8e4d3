package org.backcare.booking;

import java.util.Optional;

import org.backcare.account.CurrentUser;

/**
 * Something another part of BackCare asks of the signed-in client, shown at the top of
 * "My appointments" (where a client lands): a follow-up questionnaire that is due, for
 * one. Booking owns this interface and the modules above it implement it, as intake
 * implements {@link BookingGuard}, so the page needs to know none of them.
 */
public interface ClientPrompt {

	/** What to ask of this client now, if anything. */
	Optional<Prompt> promptFor(CurrentUser client);

	/** {@code text}: why; {@code action}: the link's words; {@code link}: where. */
	record Prompt(String text, String action, String link) {
	}

}
