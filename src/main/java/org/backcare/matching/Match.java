package org.backcare.matching;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.backcare.therapist.Therapist;

/** A therapist who passed the hard filters, their score, and why, part by part. */
public record Match(Therapist therapist, double score, List<Reason> reasons, Instant firstConsultation) {

	/** One part of the score, in words. */
	public record Reason(String part, double points, String words) {
	}

	public String scoreText() {
		return String.format(Locale.ROOT, "%.1f", this.score);
	}

}
