package org.backcare.client;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The client's own details: name, contact, date of birth. Made anonymous late, after the
 * parts that refer to them.
 */
@Component
@Order(900)
class ClientDetails implements PersonalData {

	private final Clients clients;

	ClientDetails(Clients clients) {
		this.clients = clients;
	}

	@Override
	public String part() {
		return "client";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		return this.clients.find(client)
			.map(found -> new Details(found.name(), found.email(), found.phone(), found.dateOfBirth()));
	}

	@Override
	public void erase(ClientId client) {
		this.clients.anonymise(client);
	}

	record Details(String name, String email, String phone, LocalDate dateOfBirth) {
	}

}
