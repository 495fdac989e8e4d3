package org.backcare.plan;

import java.time.Instant;
import java.util.UUID;

import org.backcare.booking.AppointmentId;

/**
 * The therapist's decision on the proposal for a session, with the reason, their own plan
 * when they edited it, and the proposal as shown (in words) under the rules' version.
 */
public record PlanDecision(UUID id, AppointmentId appointment, Kind decision, String reason, String plan,
		String proposal, String rulesVersion, UUID decidedBy, Instant decidedAt) {

	public enum Kind {

		ACCEPTED, EDITED, REJECTED

	}

}
