package org.backcare.review;

/**
 * A rating that needs evidence to move away from the typical one: each therapist's mean
 * is blended with the clinic's mean as if the therapist had {@link #PRIOR_WEIGHT} extra
 * reviews at the clinic's mean. One 5-star review then does not outrank forty reviews of
 * 4.8.
 *
 * <p>
 * Source: the Bayesian average, (C·m + Σx) / (C + n), as in Evan Miller, "Bayesian
 * Average Ratings" (2012) and the weighted rating of IMDb's Top 250. C = 5 is BackCare's
 * choice: about a month of one therapist's reviews in a small clinic; the clinic's own
 * mean is m, so a new therapist starts at "typical here", not at zero or at a perfect
 * score.
 */
public final class BayesianAverage {

	/** C: how many reviews at the clinic's mean every therapist's average starts with. */
	public static final int PRIOR_WEIGHT = 5;

	private BayesianAverage() {
	}

	/**
	 * @param sum the sum of the therapist's review ratings
	 * @param count how many there are
	 * @param clinicMean the mean rating of all visible reviews in the clinic
	 */
	public static double of(double sum, int count, double clinicMean) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative");
		}
		return (PRIOR_WEIGHT * clinicMean + sum) / (PRIOR_WEIGHT + count);
	}

}
