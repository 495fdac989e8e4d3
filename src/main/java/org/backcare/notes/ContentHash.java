package org.backcare.notes;

import org.backcare.platform.Sha256;

/**
 * The SHA-256 a signature covers. Every field is written as its length and its text, in a
 * fixed order, so no two different notes can write the same bytes (a field cannot run
 * into the next).
 */
final class ContentHash {

	private final StringBuilder text = new StringBuilder();

	private ContentHash() {
	}

	/** The hash of a signed note: its ids, its content, and its signature's facts. */
	static String of(SessionNote note) {
		Signature signature = note.signature();
		NoteContent content = note.content();
		ContentHash hash = new ContentHash().add(note.id().value())
			.add(note.appointmentId().value())
			.add(note.clientId().value())
			.add(note.therapistId().value())
			.add(content.subjective())
			.add(content.painNow())
			.add(content.objective())
			.add(content.assessment())
			.add(content.plan())
			.add(content.minutes());
		content.areas().forEach(area -> hash.add(area.region()).add(area.technique()).add(area.pressure()));
		return hash.add(signature.signedAt())
			.add(signature.signedBy())
			.add(signature.signerName())
			.add(signature.signerLicence())
			.add(signature.clientName())
			.add(signature.clientBorn())
			.digest();
	}

	/** The hash of an amendment, chained to the note's. */
	static String of(String noteHash, Amendment amendment) {
		return new ContentHash().add(noteHash)
			.add(amendment.id())
			.add(amendment.reason())
			.add(amendment.body())
			.add(amendment.writtenAt())
			.add(amendment.authorAccountId())
			.add(amendment.authorName())
			.add(amendment.authorLicence())
			.digest();
	}

	private ContentHash add(Object field) {
		String value = (field == null) ? "" : field.toString();
		this.text.append((field == null) ? -1 : value.length()).append(':').append(value).append('\n');
		return this;
	}

	private String digest() {
		return Sha256.hex(this.text.toString());
	}

}
