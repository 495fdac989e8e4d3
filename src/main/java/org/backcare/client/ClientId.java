package org.backcare.client;

import java.util.UUID;

public record ClientId(UUID value) {

	public ClientId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
