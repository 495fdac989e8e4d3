package org.backcare.intake;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A doctor's all-clear after a referral, as recorded by the clinic: who recorded it and
 * when, the doctor who gave it and on which day, and a note. It lets the client book
 * again.
 */
public record MedicalClearance(Instant recordedAt, String recordedBy, String clearedBy, LocalDate clearedOn,
		String note) {
}
