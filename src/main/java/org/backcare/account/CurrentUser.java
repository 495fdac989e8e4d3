package org.backcare.account;

import java.io.Serializable;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in caller, whether they came with a session cookie or a bearer token. A
 * client account is exactly one client record, a therapist account one therapist record.
 */
public record CurrentUser(AccountId id, ClinicId clinic, String email, Role role, ClientId client,
		TherapistId therapist, int tokenVersion) implements AuthenticatedPrincipal, Serializable {

	/**
	 * What Spring Security (and the page header) calls the user: their e-mail address,
	 * never the ids.
	 */
	@Override
	public String getName() {
		return this.email;
	}

	/** The caller of the current request, if signed in. */
	public static Optional<CurrentUser> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Optional.empty();
		}
		Object principal = authentication.getPrincipal();
		if (principal instanceof CurrentUser user) {
			return Optional.of(user);
		}
		if (principal instanceof AccountDetails details) {
			return Optional.of(details.user());
		}
		return Optional.empty();
	}

	/**
	 * The caller of a request that the security configuration lets through only when
	 * signed in; their absence is a configuration error, not a client's.
	 */
	public static CurrentUser required() {
		return signedIn().orElseThrow(() -> new IllegalStateException(
				"The security configuration lets only signed-in callers reach this endpoint"));
	}

	public boolean is(Role role) {
		return this.role == role;
	}

	public boolean isClient(ClientId client) {
		return this.role == Role.CLIENT && client.equals(this.client);
	}

	public boolean isTherapist(TherapistId therapist) {
		return this.role == Role.THERAPIST && therapist.equals(this.therapist);
	}

	public boolean isAdminOf(ClinicId clinic) {
		return this.role == Role.ADMIN && clinic.equals(this.clinic);
	}

}
