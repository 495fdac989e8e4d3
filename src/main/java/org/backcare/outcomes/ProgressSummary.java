package org.backcare.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * A therapist's summary of a period of care, signed when written with their name and
 * licence, for the progress report. Never changed: a new one is written instead.
 */
public record ProgressSummary(ClinicId clinicId, UUID id, ClientId clientId, LocalDate from, LocalDate to, String body,
		Instant signedAt, UUID signedBy, String signerName, String signerLicence, String clientName) {

	public static final int MAX_BODY = 4000;

}
