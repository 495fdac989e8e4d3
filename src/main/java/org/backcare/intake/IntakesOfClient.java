package org.backcare.intake;

import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A client's intakes in their export; on erasure every intake goes, with its scores,
 * clearances and overrides.
 */
@Component
@Order(200)
class IntakesOfClient implements PersonalData {

	private final IntakeRepository intakes;

	IntakesOfClient(IntakeRepository intakes) {
		this.intakes = intakes;
	}

	@Override
	public String part() {
		return "intakes";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		return Optional.of(this.intakes.ofClient(client));
	}

	@Override
	public void erase(ClientId client) {
		this.intakes.forgetClient(client);
	}

}
