package org.backcare.clinic;

import java.util.UUID;

public record ClinicId(UUID value) {

	public ClinicId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
