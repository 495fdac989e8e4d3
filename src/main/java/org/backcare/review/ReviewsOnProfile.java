package org.backcare.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backcare.account.CurrentUser;
import org.backcare.account.Role;
import org.backcare.booking.Bookings;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.ProfileSection;
import org.backcare.therapist.Therapist;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The therapist's reviews on their profile: the summary and the visible reviews for
 * everyone; hidden ones too, with the hide form, for the clinic's admins (an audited read
 * of each); the reply form for the therapist; the review form for a client who has had a
 * completed session.
 */
@Component
@Order(300)
class ReviewsOnProfile implements ProfileSection {

	private final Reviews reviews;

	private final Bookings bookings;

	private final Clinics clinics;

	ReviewsOnProfile(Reviews reviews, Bookings bookings, Clinics clinics) {
		this.reviews = reviews;
		this.bookings = bookings;
		this.clinics = clinics;
	}

	@Override
	public Optional<Part> of(Therapist therapist) {
		Optional<CurrentUser> caller = CurrentUser.signedIn();
		boolean admin = caller.map(user -> user.isAdminOf(therapist.clinicId())).orElse(false);
		List<Review> shown = admin ? this.reviews.forModeration(caller.orElseThrow(), therapist.id())
				: this.reviews.visible(therapist.id());
		boolean mayReview = caller
			.filter(user -> user.role() == Role.CLIENT && user.clinic().equals(therapist.clinicId()))
			.map(user -> this.bookings.haveCompletedSession(therapist.id(), user.client()))
			.orElse(false);
		Map<String, Object> data = new HashMap<>();
		data.put("therapist", therapist);
		data.put("clinic", this.clinics.get(therapist.clinicId()));
		data.put("summary", this.reviews.summary(therapist));
		data.put("reviews", shown);
		data.put("admin", admin);
		data.put("self", caller.map(user -> user.isTherapist(therapist.id())).orElse(false));
		data.put("mayReview", mayReview);
		data.put("mine", caller.flatMap(user -> this.reviews.mine(user, therapist.id())).orElse(null));
		return Optional.of(new Part("review/profile-section", data));
	}

}
