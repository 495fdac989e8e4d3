package org.backcare.account;

import java.util.UUID;

public record AccountId(UUID value) {

	public AccountId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
