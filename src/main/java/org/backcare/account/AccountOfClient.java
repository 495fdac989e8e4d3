package org.backcare.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The client's account in their export (address, role, when it was opened, the consents
 * given); on erasure the account is closed, its address made anonymous and every token
 * and session ended.
 */
@Component
@Order(800)
class AccountOfClient implements PersonalData {

	private final Accounts accounts;

	AccountOfClient(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String part() {
		return "account";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		return this.accounts.ofClient(client)
			.map(user -> new Exported(user.email(), user.role(), this.accounts.openedAt(user.id()),
					this.accounts.consents(user.id())));
	}

	@Override
	public void erase(ClientId client) {
		this.accounts.ofClient(client).ifPresent(user -> this.accounts.erase(user.id()));
	}

	record Exported(String email, Role role, Instant openedAt, List<Accounts.Consent> consents) {
	}

}
