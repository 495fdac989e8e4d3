package org.backcare.frontdesk;

import java.util.Map;
import java.util.Optional;

import org.backcare.account.CurrentUser;
import org.backcare.therapist.Credentials;
import org.backcare.therapist.ProfileSection;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * For the clinic's admins: the therapist's licences and certifications, with the forms to
 * record and verify them.
 */
@Component
@Order(200)
class CredentialsOnProfile implements ProfileSection {

	private final Credentials credentials;

	CredentialsOnProfile(Credentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public Optional<Part> of(Therapist therapist) {
		return CurrentUser.signedIn()
			.filter(user -> user.isAdminOf(therapist.clinicId()))
			.map(admin -> new Part("frontdesk/credentials-section", Map.of("therapist", therapist, "credentials",
					this.credentials.of(therapist.id()), "allTechniques", Technique.values())));
	}

}
