package org.backcare.account;

import org.backcare.clinic.ClinicId;

/**
 * Something that matters for security happened to an account: a sign-in (or a failed one), a
 * lock-out, a token issued or revoked, an account opened, disabled or given a role. {@code
 * account} is null when the e-mail given belongs to no account; nothing else identifies the
 * person, so the audit log never stores an address that was typed.
 */
public record SecurityEvent(Action action, AccountId account, ClinicId clinic, Role role, boolean refused) {

	public enum Action {

		SIGN_IN, SIGN_IN_FAILED, LOCKED_OUT, TOKEN_ISSUED, TOKENS_REVOKED, ACCOUNT_OPENED, ACCOUNT_DISABLED,
		ROLE_GRANTED, INVITATION_CREATED, CONSENT_GIVEN

	}

	static SecurityEvent of(Action action, CurrentUser user) {
		return new SecurityEvent(action, user.id(), user.clinic(), user.role(), false);
	}

}
