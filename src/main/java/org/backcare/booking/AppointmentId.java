package org.backcare.booking;

import java.util.UUID;

public record AppointmentId(UUID value) {

	public AppointmentId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
