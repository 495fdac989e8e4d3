package org.backcare.matching;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.backcare.assessment.GenderPreference;
import org.backcare.therapist.Gender;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapist;

/**
 * Who may treat the client, best first, with every point explained. Pure: the same
 * candidates and needs always give the same list.
 *
 * <p>
 * Hard filters (a therapist failing one is listed as excluded, with the reason): a
 * licence valid today; certified in at least one technique recommended for the client
 * (recommendations never contain a technique the client's contraindications rule out, so
 * no therapist is chosen for one).
 *
 * <p>
 * Score, out of 110 (BackCare's weighting, chosen so that clinical fit dominates and
 * comfort and convenience break near-ties; not taken from the literature): coverage of
 * the recommended techniques 40; years treating back pain 20 (full from 20 years);
 * verified reviews 20, from the Bayesian average (a therapist with no reviews gets the
 * clinic's typical score); soonest first consultation 10 (today 10, in 14 days 0);
 * preferred language 5; preferred gender 5; continuity with a therapist the client has
 * seen 10. Ties go by name, then id.
 */
final class Ranking {

	static final int HORIZON_DAYS = 14;

	private Ranking() {
	}

	record Result(List<Match> matches, List<Excluded> excluded) {
	}

	record Excluded(Therapist therapist, String because) {
	}

	static Result rank(List<Candidate> candidates, ClientNeeds needs, LocalDate today, Double clinicMean) {
		List<Match> matches = new ArrayList<>();
		List<Excluded> excluded = new ArrayList<>();
		for (Candidate candidate : candidates) {
			Therapist therapist = candidate.therapist();
			if (!therapist.licenceValidOn(today)) {
				excluded.add(new Excluded(therapist, "no licence valid today"));
				continue;
			}
			if (therapist.techniques().isEmpty()) {
				excluded.add(new Excluded(therapist, "no verified, current certification in any technique"));
				continue;
			}
			List<Technique> covered = needs.recommended().stream().filter(therapist::certifiedIn).toList();
			if (needs.hasIntake() && covered.isEmpty()) {
				excluded.add(new Excluded(therapist,
						"not certified in any technique recommended for you (" + names(needs.recommended()) + ")"));
				continue;
			}
			matches.add(score(candidate, needs, covered, today, clinicMean));
		}
		matches.sort(Comparator.comparingDouble((Match match) -> -Math.round(match.score() * 100) / 100.0)
			.thenComparing(match -> match.therapist().name())
			.thenComparing(match -> match.therapist().id().value()));
		excluded.sort(Comparator.comparing((Excluded e) -> e.therapist().name()));
		return new Result(List.copyOf(matches), List.copyOf(excluded));
	}

	private static Match score(Candidate candidate, ClientNeeds needs, List<Technique> covered, LocalDate today,
			Double clinicMean) {
		Therapist therapist = candidate.therapist();
		List<Match.Reason> reasons = new ArrayList<>();
		if (needs.hasIntake()) {
			double points = 40.0 * covered.size() / needs.recommended().size();
			reasons
				.add(new Match.Reason("techniques", points, "certified in " + names(covered) + ", recommended for you"
						+ ((covered.size() < needs.recommended().size()) ? " (not in " + names(
								needs.recommended().stream().filter(technique -> !covered.contains(technique)).toList())
								+ ")" : "")));
		}
		int years = therapist.yearsTreatingBackPain();
		reasons.add(new Match.Reason("experience", 20.0 * Math.min(years, 20) / 20,
				years + (years == 1 ? " year" : " years") + " treating back pain"));
		if (candidate.reviews() != null && candidate.reviews().count() > 0) {
			double bayesian = candidate.reviews().bayesian();
			reasons.add(new Match.Reason("reviews", 20.0 * (bayesian - 1) / 4,
					String.format(Locale.ROOT, "rated %.1f of 5 by %d verified client%s (%.2f weighted)",
							candidate.reviews().mean(), candidate.reviews().count(),
							candidate.reviews().count() == 1 ? "" : "s", bayesian)));
		}
		else {
			double typical = (clinicMean != null) ? 20.0 * (clinicMean - 1) / 4 : 10.0;
			reasons.add(new Match.Reason("reviews", typical, "no reviews yet, so counted as typical for the clinic"));
		}
		if (candidate.firstFreeDay() != null) {
			long days = ChronoUnit.DAYS.between(today, candidate.firstFreeDay());
			reasons.add(new Match.Reason("availability", 10.0 * (HORIZON_DAYS - days) / HORIZON_DAYS,
					days == 0 ? "a first consultation free today" : days == 1 ? "a first consultation free tomorrow"
							: "first consultation free in " + days + " days"));
		}
		else {
			reasons.add(new Match.Reason("availability", 0,
					"no free first consultation in the next " + HORIZON_DAYS + " days"));
		}
		if (needs.language() != null && therapist.languages().contains(needs.language())) {
			reasons.add(new Match.Reason("language", 5,
					"speaks " + Locale.forLanguageTag(needs.language()).getDisplayLanguage(Locale.ENGLISH)));
		}
		if (needs.gender() != GenderPreference.NO_PREFERENCE && matches(needs.gender(), therapist.gender())) {
			reasons.add(new Match.Reason("gender", 5,
					"a " + (needs.gender() == GenderPreference.WOMAN ? "woman" : "man") + ", as you preferred"));
		}
		if (candidate.seenBefore()) {
			reasons.add(new Match.Reason("continuity", 10, "you have seen " + firstName(therapist) + " before"));
		}
		double score = reasons.stream().mapToDouble(Match.Reason::points).sum();
		return new Match(therapist, score, List.copyOf(reasons), candidate.firstFree());
	}

	private static boolean matches(GenderPreference preference, Gender gender) {
		return (preference == GenderPreference.WOMAN && gender == Gender.WOMAN)
				|| (preference == GenderPreference.MAN && gender == Gender.MAN);
	}

	private static String firstName(Therapist therapist) {
		return therapist.name().split(" ")[0];
	}

	private static String names(List<Technique> techniques) {
		return techniques.stream().map(Technique::displayName).collect(Collectors.joining(", "));
	}

}
