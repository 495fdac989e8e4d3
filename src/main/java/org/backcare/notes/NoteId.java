package org.backcare.notes;

import java.util.Objects;
import java.util.UUID;

/** A session note's id. */
public record NoteId(UUID value) {

	public NoteId {
		Objects.requireNonNull(value, "value");
	}

}
