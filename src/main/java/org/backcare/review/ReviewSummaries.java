package org.backcare.review;

import java.util.Map;

import org.backcare.therapist.TherapistId;

/**
 * Every reviewed therapist's summary in a clinic, and the clinic's mean rating they are
 * blended with (null when the clinic has no visible reviews), read in one snapshot.
 */
public record ReviewSummaries(Map<TherapistId, ReviewSummary> byTherapist, Double clinicMean) {

	/**
	 * The therapist's summary; without visible reviews, none, at the clinic's typical
	 * score.
	 */
	public ReviewSummary of(TherapistId therapist) {
		return this.byTherapist.getOrDefault(therapist, ReviewSummary.none(this.clinicMean));
	}

}
