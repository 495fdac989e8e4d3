package org.backcare.demo;

import org.backcare.account.Accounts;
import org.backcare.account.SignInHints;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A database that ran in demo mode and now runs without it still holds the demo accounts,
 * whose passwords are public. They are disabled at start-up, so outside demo mode no
 * known password opens anything.
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty(name = "backcare.demo.enabled", havingValue = false)
class DemoAccountsRetired implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccountsRetired.class);

	private final Accounts accounts;

	DemoAccountsRetired(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SignInHints.Hint demo : new DemoAccounts().hints()) {
			this.accounts.idOf(demo.email()).filter(this.accounts::enabled).ifPresent(id -> {
				this.accounts.disable(id);
				log.warn("Disabled the demo account of role '{}': demo mode is off and its password is public",
						demo.role());
			});
		}
	}

}
