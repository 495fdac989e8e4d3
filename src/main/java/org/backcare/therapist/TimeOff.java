package org.backcare.therapist;

import java.util.UUID;

import org.backcare.platform.TimeRange;

/** A stretch of time a therapist is away, and why (as the front desk wrote it). */
public record TimeOff(UUID id, TimeRange period, String reason) {
}
