package org.backcare.intake;

import java.util.Objects;
import java.util.UUID;

public record IntakeId(UUID value) {

	public IntakeId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
