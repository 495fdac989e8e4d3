package org.backcare.account;

import org.backcare.clinic.ClinicId;

/**
 * Something that matters for security happened to an account: a sign-in (or a failed
 * one), a lock-out, a token issued or revoked, an account opened, disabled or given a
 * role. {@code
 * account} is null when the e-mail given belongs to no account; nothing else identifies
 * the person, so the audit log never stores an address that was typed. {@code by} is the
 * account that acted when it is not the one concerned (an admin granting a role);
 * {@code detail} holds facts without personal data, such as the role granted.
 */
public record SecurityEvent(Action action, AccountId account, ClinicId clinic, Role role, boolean refused, AccountId by,
		String detail) {

	/** An event the account itself caused (or, for refusals, that concerns it). */
	public SecurityEvent(Action action, AccountId account, ClinicId clinic, Role role, boolean refused) {
		this(action, account, clinic, role, refused, null, null);
	}

	public enum Action {

		SIGN_IN, SIGN_IN_FAILED, LOCKED_OUT, TOKEN_ISSUED, TOKENS_REVOKED, ACCOUNT_OPENED, ACCOUNT_DISABLED,
		ACCOUNT_ENABLED, ROLE_GRANTED, ROLE_CHANGED, INVITATION_CREATED, CONSENT_GIVEN, ACCESS_DENIED, EMAIL_CONFIRMED,
		PASSWORD_RESET, PASSWORD_CHANGED, CALENDAR_FEED_OPENED, CALENDAR_FEED_STOPPED

	}

	static SecurityEvent of(Action action, CurrentUser user) {
		return new SecurityEvent(action, user.id(), user.clinic(), user.role(), false);
	}

}
