package org.backcare.account;

import java.util.List;
import java.util.UUID;

import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.RuleRefused;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An admin's work on the accounts of their own clinic, for the API and the page alike:
 * disable, enable again, make a staff account a therapist or an admin. Another clinic's
 * accounts are "not found"; an admin cannot lock themselves out or change their own role;
 * a client account keeps its role. Every change is audited (security events).
 */
@Service
class AccountAdministration {

	private final Accounts accounts;

	private final Therapists therapists;

	AccountAdministration(Accounts accounts, Therapists therapists) {
		this.accounts = accounts;
		this.therapists = therapists;
	}

	List<CurrentUser> all(CurrentUser admin) {
		return this.accounts.all(admin.clinic());
	}

	boolean enabled(CurrentUser account) {
		return this.accounts.enabled(account.id());
	}

	void disable(CurrentUser admin, UUID id) {
		CurrentUser target = own(admin, id);
		if (target.id().equals(admin.id())) {
			throw new InvalidRequest("Admins cannot disable their own account; ask another admin.");
		}
		this.accounts.disable(target.id());
	}

	void enable(CurrentUser admin, UUID id) {
		this.accounts.enable(own(admin, id).id());
	}

	void changeRole(CurrentUser admin, UUID id, Role role, UUID therapistId) {
		CurrentUser target = own(admin, id);
		if (target.id().equals(admin.id())) {
			throw new RoleRefused("Admins cannot change their own role; ask another admin.");
		}
		if (target.role() == Role.CLIENT || role == Role.CLIENT) {
			throw new RoleRefused("A client account is a client's record and keeps its role; invite staff instead.");
		}
		TherapistId therapist = null;
		if (role == Role.THERAPIST) {
			if (therapistId == null) {
				throw new RoleRefused("A therapist account names its therapist: give therapistId.");
			}
			therapist = new TherapistId(therapistId);
			if (this.therapists.find(therapist).filter(found -> found.clinicId().equals(admin.clinic())).isEmpty()) {
				throw new RecordNotFound("Therapist", therapistId);
			}
			if (!this.therapists.get(therapist).active()) {
				throw new RoleRefused("That therapist has left the clinic; make them bookable again first.");
			}
		}
		this.accounts.changeRole(target.id(), role, therapist);
	}

	private CurrentUser own(CurrentUser admin, UUID id) {
		return this.accounts.findAny(new AccountId(id))
			.filter(found -> found.clinic().equals(admin.clinic()))
			.orElseThrow(() -> new RecordNotFound("Account", id));
	}

	/** A role change the rules do not allow. */
	static final class RoleRefused extends RuleRefused {

		RoleRefused(String detail) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "role-refused", "Role change refused", "role", detail);
		}

	}

}
