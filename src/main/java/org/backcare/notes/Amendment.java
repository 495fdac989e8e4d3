package org.backcare.notes;

import java.time.Instant;
import java.util.UUID;

/**
 * A correction of a signed note, itself signed when written: why, what, by whom (with
 * their licence), and the SHA-256 over it and the note's own signature.
 */
public record Amendment(UUID id, String reason, String body, Instant writtenAt, UUID authorAccountId, String authorName,
		String authorLicence, String contentHash) {

	/** The longest reason. */
	public static final int MAX_REASON = 500;

}
