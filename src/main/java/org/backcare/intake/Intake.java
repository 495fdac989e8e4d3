package org.backcare.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backcare.assessment.Assessment;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.Recommendation.Phase;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.Technique;

/**
 * A submitted intake with its assessment, any medical clearance, and the overrides of its
 * recommendation, oldest first.
 */
public record Intake(IntakeId id, ClinicId clinicId, ClientId clientId, Instant submittedAt, IntakeAnswers answers,
		Assessment assessment, MedicalClearance clearance, List<RecommendationOverride> overrides) {

	/** A referral without a recorded clearance stops booking. */
	public boolean mayBook() {
		return !this.assessment.referral().blocksBooking() || this.clearance != null;
	}

	/** The techniques in force: the latest override's, else the recommendation's. */
	public List<Technique> techniques() {
		return latestOverride().map(RecommendationOverride::techniques)
			.orElse(this.assessment.recommendation().techniqueList());
	}

	public Phase phase() {
		return latestOverride().map(RecommendationOverride::phase).orElse(this.assessment.recommendation().phase());
	}

	public boolean overridden() {
		return !this.overrides.isEmpty();
	}

	private Optional<RecommendationOverride> latestOverride() {
		return this.overrides.isEmpty() ? Optional.empty() : Optional.of(this.overrides.get(this.overrides.size() - 1));
	}

}
