package org.backcare.client;

import java.util.Optional;

/**
 * A part of BackCare that keeps personal data about clients. The client module owns this
 * interface and every module with such data implements it (as intake implements booking's
 * {@code BookingGuard}), so export and erasure reach every part without one place knowing
 * them all. Parts are asked in their {@code @Order}: what others refer to is erased last.
 */
public interface PersonalData {

	/** The name of this part in the client's export ("appointments", "intakes", …). */
	String part();

	/**
	 * What this part holds about the client, as it goes into their export; empty for
	 * nothing to show.
	 */
	Optional<?> exportOf(ClientId client);

	/**
	 * Erases (or makes anonymous) what this part holds about the client, in the erasure's
	 * transaction.
	 */
	void erase(ClientId client);

	/**
	 * What this part must keep when the client is erased, and why and until when, as the
	 * client is told before they decide; empty when it keeps nothing.
	 */
	default Optional<String> keptOnErasure(ClientId client) {
		return Optional.empty();
	}

}
