package org.backcare.account;

import java.time.Instant;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * A message the account module needs sent to an address, published in the transaction
 * that makes it true (the notification module writes it to its outbox there).
 * {@code link} is a path with a single-use secret (confirm, reset, accept) or a plain
 * path (sign in), {@code expires} when a secret one stops working; {@code role} names the
 * role of an invitation.
 */
public record AccountMail(Kind kind, ClinicId clinic, ClientId client, String email, String link, Instant expires,
		Role role) {

	public enum Kind {

		/** A new registration: confirm the address to open the account. */
		CONFIRM_EMAIL,
		/**
		 * Someone registered with an address that has an account: its owner is told, and
		 * nobody else learns that it exists.
		 */
		ALREADY_REGISTERED,
		/** A link to choose a new password. */
		RESET_PASSWORD,
		/** An admin invited a therapist or admin. */
		INVITATION,
		/** The password was changed or reset: if it was not them, they act. */
		PASSWORD_CHANGED

	}

	/** Whether the link carries a secret that must not be shown or kept. */
	public boolean secret() {
		return this.kind == Kind.CONFIRM_EMAIL || this.kind == Kind.RESET_PASSWORD || this.kind == Kind.INVITATION;
	}

}
