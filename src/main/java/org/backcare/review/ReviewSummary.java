package org.backcare.review;

/**
 * A therapist's visible reviews in brief: how many, their plain means, and the Bayesian
 * average used for ranking (null when the clinic has no reviews at all).
 */
public record ReviewSummary(int count, Double mean, Double listening, Double comfort, Double effect, Double bayesian) {

	static ReviewSummary none(Double bayesian) {
		return new ReviewSummary(0, null, null, null, null, bayesian);
	}

}
