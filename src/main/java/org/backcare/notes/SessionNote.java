package org.backcare.notes;

import java.time.Instant;
import java.util.List;

import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/**
 * A session's note: a draft ({@code signature} null) its therapist may still change, or
 * signed and final, with every amendment under it, oldest first. {@code shared}: the
 * client may read it.
 */
public record SessionNote(NoteId id, ClinicId clinicId, AppointmentId appointmentId, ClientId clientId,
		TherapistId therapistId, Instant sessionStart, NoteContent content, Instant createdAt, Instant updatedAt,
		Signature signature, List<Amendment> amendments, boolean shared) {

	public boolean signed() {
		return this.signature != null;
	}

	/**
	 * Whether the signed content and every amendment still hash to what was signed: false
	 * means the record was changed behind BackCare's back.
	 */
	public boolean intact() {
		if (!signed()) {
			return true;
		}
		String noteHash = ContentHash.of(this);
		return noteHash.equals(this.signature.contentHash()) && this.amendments.stream()
			.allMatch(amendment -> ContentHash.of(noteHash, amendment).equals(amendment.contentHash()));
	}

}
