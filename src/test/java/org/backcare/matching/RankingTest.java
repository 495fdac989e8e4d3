package org.backcare.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backcare.assessment.GenderPreference;
import org.backcare.clinic.ClinicId;
import org.backcare.review.BayesianAverage;
import org.backcare.review.ReviewSummary;
import org.backcare.therapist.Gender;
import org.backcare.therapist.Licence;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.WeeklyHours;
import org.backcare.therapist.WorkingInterval;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranking on a fixed set of therapists: filters, order, explanations and ties. */
class RankingTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	static final ClinicId CLINIC = new ClinicId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

	/**
	 * Recommended for the client: Swedish and myofascial release; prefers German and a
	 * woman.
	 */
	static final ClientNeeds NEEDS = new ClientNeeds(true, List.of(Technique.SWEDISH, Technique.MYOFASCIAL_RELEASE),
			"de", GenderPreference.WOMAN);

	static Therapist therapist(String name, int years, Gender gender, List<String> languages, boolean licensed,
			Technique... techniques) {
		Licence licence = licensed ? new Licence("BE", "L-" + name, TODAY.minusYears(1), TODAY.plusYears(1))
				: new Licence("BE", "L-" + name, TODAY.minusYears(2), TODAY.minusDays(1));
		return new Therapist(new TherapistId(UUID.nameUUIDFromBytes(name.getBytes())), CLINIC, name, "", languages,
				years, List.of(licence), EnumSet.copyOf(List.of(techniques)),
				new WeeklyHours(
						List.of(new WorkingInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)))),
				gender, Map.of());
	}

	static Candidate candidate(Therapist therapist, ReviewSummary reviews, Integer daysUntilFree, boolean seen) {
		LocalDate day = (daysUntilFree != null) ? TODAY.plusDays(daysUntilFree) : null;
		Instant start = (day != null) ? day.atTime(10, 0).toInstant(ZoneOffset.UTC) : null;
		return new Candidate(therapist, reviews, start, day, seen);
	}

	static ReviewSummary reviewed(int count, double mean, double clinicMean) {
		return new ReviewSummary(count, mean, mean, mean, mean, BayesianAverage.of(mean * count, count, clinicMean));
	}

	@Test
	void theFixedClinicRanksAsExpectedWithEveryPointExplained() {
		double clinicMean = 4.3;
		Therapist clara = therapist("Clara", 15, Gender.WOMAN, List.of("da", "de"), true, Technique.SWEDISH,
				Technique.MYOFASCIAL_RELEASE);
		Therapist anna = therapist("Anna", 12, Gender.WOMAN, List.of("de", "en"), true, Technique.SWEDISH,
				Technique.DEEP_TISSUE);
		Therapist ben = therapist("Ben", 8, Gender.MAN, List.of("en"), true, Technique.DEEP_TISSUE,
				Technique.TRIGGER_POINT);
		Therapist david = therapist("David", 20, Gender.MAN, List.of("fr"), false, Technique.SWEDISH,
				Technique.MYOFASCIAL_RELEASE);
		Therapist elif = therapist("Elif", 3, Gender.WOMAN, List.of("tr", "de"), true, Technique.SWEDISH);

		Ranking.Result result = Ranking.rank(List.of(candidate(anna, reviewed(40, 4.8, clinicMean), 1, true),
				candidate(ben, reviewed(3, 5.0, clinicMean), 0, false),
				candidate(clara, reviewed(1, 5.0, clinicMean), 7, false), candidate(david, null, 0, false),
				candidate(elif, null, null, false)), NEEDS, TODAY, clinicMean);

		assertThat(result.matches()).extracting(match -> match.therapist().name())
			.containsExactly("Clara", "Anna", "Elif");
		assertThat(result.excluded()).extracting(excluded -> excluded.therapist().name() + ": " + excluded.because())
			.containsExactly(
					"Ben: not certified in any technique recommended for you (Swedish massage, Myofascial release)",
					"David: no licence valid today");

		Match first = result.matches().get(0);
		assertThat(first.reasons()).extracting(Match.Reason::words)
			.containsExactly("certified in Swedish massage, Myofascial release, recommended for you",
					"15 years treating back pain", "rated 5.0 of 5 by 1 verified client (4.42 weighted)",
					"first consultation free in 7 days", "speaks German", "a woman, as you preferred");
		// 40 + 15 + 17.08 + 5 + 5 + 5
		assertThat(first.score()).isCloseTo(87.08, Assertions.within(0.01));

		Match second = result.matches().get(1);
		assertThat(second.reasons()).extracting(Match.Reason::words)
			.contains("certified in Swedish massage, recommended for you (not in Myofascial release)",
					"a first consultation free tomorrow", "you have seen Anna before");
		assertThat(second.score()).isCloseTo(20 + 12 + 18.72 + 9.29 + 5 + 5 + 10, Assertions.within(0.01));

		Match third = result.matches().get(2);
		assertThat(third.reasons()).extracting(Match.Reason::words)
			.contains("no reviews yet, so counted as typical for the clinic",
					"no free first consultation in the next 14 days");
	}

	@Test
	void equalScoresAreOrderedByName_thenById() {
		Therapist zoe = therapist("Zoe", 5, Gender.UNDISCLOSED, List.of(), true, Technique.SWEDISH);
		Therapist adam = therapist("Adam", 5, Gender.UNDISCLOSED, List.of(), true, Technique.SWEDISH);
		ClientNeeds noPreferences = new ClientNeeds(true, List.of(Technique.SWEDISH), null,
				GenderPreference.NO_PREFERENCE);
		for (int run = 0; run < 3; run++) {
			Ranking.Result result = Ranking.rank(
					List.of(candidate(zoe, null, 2, false), candidate(adam, null, 2, false)), noPreferences, TODAY,
					null);
			assertThat(result.matches()).extracting(match -> match.therapist().name()).containsExactly("Adam", "Zoe");
		}
	}

	@Test
	void withoutAnIntakeEveryLicensedTherapistQualifies_andTechniquesScoreNothing() {
		Therapist ben = therapist("Ben", 8, Gender.MAN, List.of("en"), true, Technique.DEEP_TISSUE);
		Ranking.Result result = Ranking.rank(List.of(candidate(ben, null, 0, false)), ClientNeeds.withoutIntake(),
				TODAY, null);
		assertThat(result.matches()).singleElement()
			.satisfies(match -> assertThat(match.reasons()).extracting(Match.Reason::part)
				.containsExactly("experience", "reviews", "availability"));
	}

	@Test
	void withoutAnIntake_aTherapistWithoutAnyCurrentCertificationIsExcluded() {
		Therapist uncertified = new Therapist(new TherapistId(UUID.randomUUID()), CLINIC, "Uncertified", "", List.of(),
				8, List.of(new Licence("BE", "L-u", TODAY.minusYears(1), TODAY.plusYears(1))),
				EnumSet.noneOf(Technique.class), new WeeklyHours(List.of()));
		Ranking.Result result = Ranking.rank(List.of(candidate(uncertified, null, 1, false)),
				ClientNeeds.withoutIntake(), TODAY, null);
		assertThat(result.matches()).isEmpty();
		assertThat(result.excluded()).extracting(Ranking.Excluded::because)
			.containsExactly("no verified, current certification in any technique");
	}

	@Test
	void aLicenceEndingYesterdayExcludes_oneEndingTodayDoesNot() {
		Therapist lapsed = therapist("Lapsed", 8, Gender.MAN, List.of(), false, Technique.SWEDISH);
		Therapist lastDay = new Therapist(new TherapistId(UUID.randomUUID()), CLINIC, "Last day", "", List.of(), 8,
				List.of(new Licence("BE", "L-x", TODAY.minusYears(1), TODAY)), EnumSet.of(Technique.SWEDISH),
				new WeeklyHours(List.of()));
		Ranking.Result result = Ranking.rank(
				List.of(candidate(lapsed, null, null, false), candidate(lastDay, null, null, false)),
				new ClientNeeds(true, List.of(Technique.SWEDISH), null, GenderPreference.NO_PREFERENCE), TODAY, null);
		assertThat(result.matches()).extracting(match -> match.therapist().name()).containsExactly("Last day");
		assertThat(result.excluded()).extracting(excluded -> excluded.therapist().name()).containsExactly("Lapsed");
	}

}
