package org.backcare.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.backcare.assessment.Oswestry.Band;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Oswestry Disability Index v2.1a scoring (Fairbank and Pynsent 2000) with missing
 * sections and at band edges.
 */
class OswestryTest {

	/**
	 * Ten sections; the listed positions (0-based) unanswered, the points spread over the
	 * rest.
	 */
	static Oswestry.Answers answers(int points, int... missing) {
		List<Integer> sections = new ArrayList<>(Arrays.asList(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
		for (int section : missing) {
			sections.set(section, null);
		}
		for (int i = 0; points > 0; i = (i + 1) % 10) {
			if (sections.get(i) != null && sections.get(i) < 5) {
				sections.set(i, sections.get(i) + 1);
				points--;
			}
		}
		return new Oswestry.Answers(sections);
	}

	@Test
	void allTenAnswered_indexIsTwiceTheSum() {
		assertThat(Oswestry.score(answers(10)).index()).isEqualByComparingTo("20.00");
		assertThat(Oswestry.score(answers(11)).index()).isEqualByComparingTo("22.00");
		assertThat(Oswestry.score(answers(50)).index()).isEqualByComparingTo("100.00");
		assertThat(Oswestry.score(answers(0)).index()).isEqualByComparingTo("0.00");
	}

	@Test
	void oneUnanswered_dividesByFortyFive() {
		Oswestry.Score score = Oswestry.score(answers(10, 7));
		assertThat(score.index()).isEqualByComparingTo("22.22");
		assertThat(score.answered()).isEqualTo(9);
		assertThat(Oswestry.score(answers(9, 7)).index()).isEqualByComparingTo("20.00");
		assertThat(Oswestry.score(answers(1, 7)).index()).isEqualByComparingTo("2.22");
	}

	@Test
	void twoUnanswered_dividesByForty() {
		assertThat(Oswestry.score(answers(8, 7, 9)).index()).isEqualByComparingTo("20.00");
		assertThat(Oswestry.score(answers(9, 7, 9)).index()).isEqualByComparingTo("22.50");
	}

	@Test
	void threeUnanswered_isNotScored() {
		Oswestry.Score score = Oswestry.score(answers(9, 1, 7, 9));
		assertThat(score.scored()).isFalse();
		assertThat(score.index()).isNull();
		assertThat(score.band()).isNull();
		assertThat(score.answered()).isEqualTo(7);
	}

	@Test
	void theAnswersAreRefusedAsUnscorableFromThreeUnansweredOn() {
		assertThat(answers(0, 7, 9).isScorable()).isTrue();
		assertThat(answers(0, 1, 7, 9).isScorable()).isFalse();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "0, MINIMAL", "20.00, MINIMAL", "20.01, MODERATE", "22.22, MODERATE", "40.00, MODERATE",
			"40.01, SEVERE", "60.00, SEVERE", "60.01, CRIPPLED", "80.00, CRIPPLED", "80.01, BED_BOUND",
			"100.00, BED_BOUND" })
	void aScoreBetweenBandsGoesToTheHigherBand(BigDecimal index, Band band) {
		assertThat(Band.of(index)).isEqualTo(band);
	}

	@Test
	void scoresOutsideTheScaleAreNotBanded() {
		assertThatIllegalArgumentException().isThrownBy(() -> Band.of(new BigDecimal("100.01")));
		assertThatIllegalArgumentException().isThrownBy(() -> Band.of(new BigDecimal("-0.01")));
	}

}
