package org.backcare.audit;

import java.util.Optional;

import org.backcare.account.Accounts;
import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The network addresses recorded for the client's own actions are erased with them; the
 * audit entries stay, with anonymous ids. Last of all the parts, so that the address of
 * the erasure request itself goes too.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuditOriginsOfClient implements PersonalData {

	private final AuditLog log;

	private final Accounts accounts;

	AuditOriginsOfClient(AuditLog log, Accounts accounts) {
		this.log = log;
		this.accounts = accounts;
	}

	@Override
	public String part() {
		return "audit";
	}

	/**
	 * The audit log is the clinic's record of who looked at the client's data, not part
	 * of the export.
	 */
	@Override
	public Optional<?> exportOf(ClientId client) {
		return Optional.empty();
	}

	@Override
	public void erase(ClientId client) {
		this.accounts.ofClient(client).ifPresent(user -> this.log.forgetOrigins(user.id().value()));
	}

}
