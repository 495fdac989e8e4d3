package org.backcare.account;

import org.backcare.therapist.TherapistChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A therapist who leaves the clinic loses access with it: every account linked to them is
 * disabled (its tokens and sessions end) in the same transaction, so they can no longer
 * read the records of clients they once treated. Coming back does not enable the account
 * again; an admin does that, deliberately.
 */
@Component
class LeaversLoseAccess {

	private final Accounts accounts;

	LeaversLoseAccess(Accounts accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void on(TherapistChanged event) {
		if (event.change() != TherapistChanged.Change.DEACTIVATED) {
			return;
		}
		this.accounts.all(event.clinic())
			.stream()
			.filter(account -> event.therapist().equals(account.therapist()))
			.filter(account -> this.accounts.enabled(account.id()))
			.forEach(account -> this.accounts.disable(account.id()));
	}

}
