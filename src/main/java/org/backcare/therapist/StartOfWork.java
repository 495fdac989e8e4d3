package org.backcare.therapist;

import java.time.LocalTime;

/**
 * When a therapist's working day begins (the start of their first interval that weekday,
 * clinic time): no free time of theirs that day comes earlier, which is what lets a
 * search for the first free slots across a clinic look at therapists in this order and
 * stop early.
 */
public record StartOfWork(TherapistId therapist, LocalTime starts) {
}
