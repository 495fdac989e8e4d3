package org.backcare.demo;

import java.util.List;

import org.backcare.review.Ratings;

/**
 * The demo clinic's reviews: who reviewed whom (by first name), the stars, the words, any
 * reply.
 */
final class DemoReviews {

	record Entry(String client, String therapist, Ratings ratings, String text, String reply) {
	}

	static final List<Entry> ENTRIES = List.of(
			new Entry("Jonas", "Anna", new Ratings(5, 5, 4),
					"Explained what was going on in my lower back and gave me two stretches that really help.", null),
			new Entry("Sofia", "Anna", new Ratings(4, 5, 4), "Gentle and careful because of my blood thinners.",
					"Thank you, Sofia. See you in two weeks!"),
			new Entry("Jonas", "Ben", new Ratings(5, 5, 5), "Sorted out my lifting strain in three sessions.", null),
			new Entry("Sofia", "Farah", new Ratings(5, 4, 5), "Twenty years of experience shows.", null),
			new Entry("Tom", "Farah", new Ratings(4, 4, 4), "", null),
			new Entry("Tom", "Clara", new Ratings(3, 4, 3), "Pleasant, but I expected more effect on the pain.",
					"Thanks for the honest feedback, Tom: long-standing pain often needs a few sessions. Let's adjust the plan together."));

	private DemoReviews() {
	}

}
