package org.backcare.frontdesk;

import java.util.List;
import java.util.Map;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A therapist cannot leave the clinic while they hold booked sessions to come: the answer
 * lists them (when, with whom) so the front desk can move or reassign each one first.
 */
class TherapistStillBooked extends ProblemException {

	private final List<Dashboard.Reassign> sessions;

	TherapistStillBooked(String therapist, List<Dashboard.Reassign> sessions) {
		super(HttpStatus.CONFLICT, "therapist-still-booked", "Therapist still booked",
				sessions.isEmpty() ? therapist
						+ "'s sessions kept changing while this was recorded; nothing was changed. Please try again."
						: therapist + " still has " + sessions.size()
								+ ((sessions.size() == 1) ? " booked session" : " booked sessions")
								+ " to come. Move or reassign " + ((sessions.size() == 1) ? "it" : "them")
								+ " first (listed in 'sessions'); nothing was changed.");
		this.sessions = List.copyOf(sessions);
	}

	List<Dashboard.Reassign> sessions() {
		return this.sessions;
	}

	@Override
	protected Map<String, Object> properties() {
		return Map.of("sessions",
				this.sessions.stream()
					.map(session -> Map.of("appointmentId", session.appointmentId(), "start",
							session.start().toString(), "client", session.client()))
					.toList());
	}

}
