package org.backcare.intake;

import java.time.Instant;
import java.util.List;

import org.backcare.assessment.Recommendation.Phase;
import org.backcare.therapist.Technique;

/**
 * A therapist's or admin's change to the recommended care, with the reason, kept for
 * good.
 */
public record RecommendationOverride(Instant recordedAt, String recordedBy, List<Technique> techniques, Phase phase,
		String note) {
}
