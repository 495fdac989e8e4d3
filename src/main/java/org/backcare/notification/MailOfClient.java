package org.backcare.notification;

import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mail sent to a client in their export (what, when, whether it went); on erasure
 * every message to them is deleted, those not yet sent included. Before the account and
 * the client's details, which hold the address.
 */
@Component
@Order(700)
class MailOfClient implements PersonalData {

	private final Outbox outbox;

	MailOfClient(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public String part() {
		return "mail";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		return Optional.of(this.outbox.ofClient(client));
	}

	@Override
	public void erase(ClientId client) {
		this.outbox.forgetClient(client);
	}

}
