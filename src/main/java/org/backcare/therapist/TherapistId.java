package org.backcare.therapist;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Written in JSON as the plain UUID string, like every id in the API. */
public record TherapistId(@JsonValue UUID value) implements Serializable {

	public TherapistId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
