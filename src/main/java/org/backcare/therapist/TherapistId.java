package org.backcare.therapist;

import java.util.UUID;

public record TherapistId(UUID value) {

	public TherapistId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
