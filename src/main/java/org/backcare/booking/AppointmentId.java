package org.backcare.booking;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Written in JSON as the plain UUID string, like every id in the API. */
public record AppointmentId(@JsonValue UUID value) {

	public AppointmentId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
