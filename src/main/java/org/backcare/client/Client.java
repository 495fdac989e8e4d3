package org.backcare.client;

import java.time.LocalDate;

import org.backcare.clinic.ClinicId;

/**
 * A person who comes for care. After erasure only the id and the clinic are left
 * ({@code erased}).
 */
public record Client(ClientId id, ClinicId clinicId, String name, String email, String phone, LocalDate dateOfBirth,
		boolean erased) {

	/**
	 * Refuses anything new for a client who asked to be erased: no booking, intake or
	 * match may bring their data back.
	 */
	public Client ensureNotErased() {
		if (this.erased) {
			throw new ClientErased(this.id);
		}
		return this;
	}

}
