package org.backcare.assessment;

import java.util.ArrayList;
import java.util.List;

import org.backcare.assessment.StartBack.Bothersomeness;
import org.backcare.assessment.StartBack.Risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Keele STarT Back scoring (Hill et al. 2008) at each of its boundaries. */
class StartBackTest {

	/** Agreement with the listed items (1–8), and item 9. */
	static StartBack.Answers agreeingWith(Bothersomeness bothersome, int... items) {
		List<Boolean> agree = new ArrayList<>(List.of(false, false, false, false, false, false, false, false));
		for (int item : items) {
			agree.set(item - 1, true);
		}
		return new StartBack.Answers(agree, bothersome);
	}

	@Test
	void aTotalOfThreeIsLowRisk() {
		StartBack.Score score = StartBack.score(agreeingWith(Bothersomeness.NOT_AT_ALL, 1, 2, 3));
		assertThat(score.total()).isEqualTo(3);
		assertThat(score.risk()).isEqualTo(Risk.LOW);
	}

	@Test
	void aTotalOfFourWithASubscaleOfThreeIsMediumRisk() {
		StartBack.Score score = StartBack.score(agreeingWith(Bothersomeness.NOT_AT_ALL, 1, 5, 6, 7));
		assertThat(score.total()).isEqualTo(4);
		assertThat(score.psychosocial()).isEqualTo(3);
		assertThat(score.risk()).isEqualTo(Risk.MEDIUM);
	}

	@Test
	void aSubscaleOfFourIsHighRisk() {
		StartBack.Score score = StartBack.score(agreeingWith(Bothersomeness.NOT_AT_ALL, 5, 6, 7, 8));
		assertThat(score.total()).isEqualTo(4);
		assertThat(score.psychosocial()).isEqualTo(4);
		assertThat(score.risk()).isEqualTo(Risk.HIGH);
	}

	@Test
	void aHighSubscaleNeedsAHighTotalToo_soFourPsychosocialPointsAreAlwaysAtLeastFourInTotal() {
		StartBack.Score score = StartBack.score(agreeingWith(Bothersomeness.EXTREMELY, 5, 6, 7));
		assertThat(score.total()).isEqualTo(4);
		assertThat(score.psychosocial()).isEqualTo(4);
		assertThat(score.risk()).isEqualTo(Risk.HIGH);
	}

	@Test
	void physicalItemsCountOnlyTowardsTheTotal() {
		StartBack.Score score = StartBack.score(agreeingWith(Bothersomeness.NOT_AT_ALL, 1, 2, 3, 4));
		assertThat(score.total()).isEqualTo(4);
		assertThat(score.psychosocial()).isZero();
		assertThat(score.risk()).isEqualTo(Risk.MEDIUM);
	}

	@ParameterizedTest(name = "item 9 \"{0}\" scores {1}")
	@CsvSource({ "NOT_AT_ALL, 0", "SLIGHTLY, 0", "MODERATELY, 0", "VERY_MUCH, 1", "EXTREMELY, 1" })
	void onlyVeryMuchOrExtremelyBothersomeScoresAPoint(Bothersomeness answer, int points) {
		StartBack.Score score = StartBack.score(agreeingWith(answer));
		assertThat(score.total()).isEqualTo(points);
		assertThat(score.psychosocial()).isEqualTo(points);
	}

	@Test
	void everythingAgreedScoresNineAndFive() {
		StartBack.Score score = StartBack.score(agreeingWith(Bothersomeness.EXTREMELY, 1, 2, 3, 4, 5, 6, 7, 8));
		assertThat(score.total()).isEqualTo(9);
		assertThat(score.psychosocial()).isEqualTo(5);
		assertThat(score.risk()).isEqualTo(Risk.HIGH);
		assertThat(score.version()).isEqualTo(StartBack.VERSION);
	}

}
