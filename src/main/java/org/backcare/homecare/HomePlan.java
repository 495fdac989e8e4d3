package org.backcare.homecare;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * One version of a client's home plan, as written: never changed, a change is a new
 * version.
 */
public record HomePlan(ClinicId clinicId, UUID id, ClientId clientId, int version, Instant writtenAt, String writtenBy,
		String note, List<HomeItem> items) {

	public HomePlan {
		items = List.copyOf(items);
	}

	public Optional<HomeItem> item(String key) {
		return this.items.stream().filter(item -> item.item().equals(key)).findFirst();
	}

}
