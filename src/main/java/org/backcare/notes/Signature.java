package org.backcare.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Who signed a note, when, with which licence (null: none on file for the session's day),
 * about whom, and the SHA-256 of what was signed.
 */
public record Signature(Instant signedAt, UUID signedBy, String signerName, String signerLicence, String clientName,
		LocalDate clientBorn, String contentHash) {
}
