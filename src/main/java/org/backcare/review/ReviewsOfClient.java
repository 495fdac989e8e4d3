package org.backcare.review;

import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A client's reviews in their export; on erasure they are deleted with their earlier
 * versions.
 */
@Component
@Order(300)
class ReviewsOfClient implements PersonalData {

	private final Reviews reviews;

	ReviewsOfClient(Reviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public String part() {
		return "reviews";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		return Optional.of(this.reviews.exportOf(client));
	}

	@Override
	public void erase(ClientId client) {
		this.reviews.forgetClient(client);
	}

}
