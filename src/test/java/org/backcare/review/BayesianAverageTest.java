package org.backcare.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The Bayesian average: evidence moves a rating away from the clinic's typical one. */
class BayesianAverageTest {

	@Test
	void oneFiveStarReviewDoesNotBeatFortyOfFourPointEight() {
		double clinicMean = 4.3;
		double single = BayesianAverage.of(5.0, 1, clinicMean);
		double forty = BayesianAverage.of(40 * 4.8, 40, clinicMean);
		assertThat(single).isCloseTo(4.417, within(0.001));
		assertThat(forty).isCloseTo(4.744, within(0.001));
		assertThat(forty).isGreaterThan(single);
	}

	@Test
	void withoutReviewsATherapistIsTypicalForTheClinic() {
		assertThat(BayesianAverage.of(0, 0, 4.1)).isEqualTo(4.1);
	}

	@Test
	void thePriorWeighsAsMuchAsFiveReviews() {
		// Five reviews of 5 against a clinic mean of 3: exactly halfway.
		assertThat(BayesianAverage.of(25, BayesianAverage.PRIOR_WEIGHT, 3.0)).isEqualTo(4.0);
	}

	@Test
	void manyReviewsApproachTheirOwnMean() {
		assertThat(BayesianAverage.of(1000 * 2.0, 1000, 4.5)).isCloseTo(2.0, within(0.02));
	}

	@Test
	void aNegativeCountIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> BayesianAverage.of(0, -1, 4.0));
	}

}
