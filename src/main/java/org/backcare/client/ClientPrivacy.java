package org.backcare.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's data export and erasure, gathered from every {@link PersonalData} part.
 * Erasure is one transaction: either every part forgets the client, or none does.
 */
@Service
public class ClientPrivacy {

	private final List<PersonalData> parts;

	ClientPrivacy(List<PersonalData> parts) {
		this.parts = List.copyOf(parts);
	}

	/** Everything held about the client, part by part, in the parts' order. */
	public Map<String, Object> export(ClientId client) {
		Map<String, Object> export = new LinkedHashMap<>();
		this.parts.forEach(part -> part.exportOf(client).ifPresent(data -> export.put(part.part(), data)));
		return export;
	}

	/** What erasure would keep about the client, part by part, and why. */
	public List<String> keptOnErasure(ClientId client) {
		return this.parts.stream().flatMap(part -> part.keptOnErasure(client).stream()).toList();
	}

	@Transactional
	public void erase(ClientId client) {
		this.parts.forEach(part -> part.erase(client));
	}

}
