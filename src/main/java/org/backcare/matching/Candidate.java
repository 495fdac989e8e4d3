package org.backcare.matching;

import java.time.Instant;
import java.time.LocalDate;

import org.backcare.review.ReviewSummary;
import org.backcare.therapist.Therapist;

/**
 * A therapist with the facts the ranking weighs: their review summary, the day of their
 * first free first consultation (null when none within the window), and whether the
 * client has seen them before.
 */
record Candidate(Therapist therapist, ReviewSummary reviews, Instant firstFree, LocalDate firstFreeDay,
		boolean seenBefore) {
}
