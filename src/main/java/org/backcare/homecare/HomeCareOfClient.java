package org.backcare.homecare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The client's home plans (every version), their log and their reminder settings in their
 * export; on erasure all of it goes (none of it is the therapist's signed record).
 */
@Component
@Order(55)
class HomeCareOfClient implements PersonalData {

	private final HomeCareRepository homeCare;

	HomeCareOfClient(HomeCareRepository homeCare) {
		this.homeCare = homeCare;
	}

	@Override
	public String part() {
		return "homeCare";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("plans", this.homeCare.plans(client));
		part.put("log", this.homeCare.log(client));
		part.put("reminders", this.homeCare.settings(client).orElse(null));
		return Optional.of(part);
	}

	@Override
	public void erase(ClientId client) {
		this.homeCare.forgetClient(client);
	}

}
