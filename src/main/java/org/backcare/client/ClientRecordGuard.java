package org.backcare.client;

/**
 * Decides, and audits, whether the signed-in caller may read a client's record. The
 * client module knows neither who is signed in nor who treats whom; booking, which knows
 * both, implements this (as intake implements booking's {@code BookingGuard}), so the
 * client record can live here while the module graph stays acyclic.
 */
public interface ClientRecordGuard {

	/**
	 * Returns when the caller may read the record; throws the refusal (audited) when not.
	 */
	void mayRead(Client client);

}
