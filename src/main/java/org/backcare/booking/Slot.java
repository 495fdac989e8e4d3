package org.backcare.booking;

import java.time.Instant;

import org.backcare.therapist.TherapistId;

/** A start time at which a therapist can take a session of a given service. */
public record Slot(TherapistId therapist, String therapistName, Instant start, Instant end) {
}
