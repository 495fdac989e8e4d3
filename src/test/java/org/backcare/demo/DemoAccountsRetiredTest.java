package org.backcare.demo;

import java.util.UUID;

import org.backcare.ClinicFixture;
import org.backcare.IntegrationTest;
import org.backcare.account.AccountId;
import org.backcare.account.Accounts;
import org.backcare.account.Role;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that once ran the demo keeps no working demo account once demo mode is off.
 */
@IntegrationTest
class DemoAccountsRetiredTest {

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Accounts accounts;

	@Test
	void demoAccountsWithPublicPasswordsAreDisabledOutsideDemoMode() {
		var clinic = this.fixture.open();
		AccountId admin = this.accounts.open(clinic.clinic().id(), DemoAccounts.ADMIN.email(),
				DemoAccounts.ADMIN.password(), Role.ADMIN, null, null);
		AccountId other = this.accounts.open(clinic.clinic().id(), "real-admin-" + UUID.randomUUID() + "@example.org",
				"a real admin's own passphrase", Role.ADMIN, null, null);

		new DemoAccountsRetired(this.accounts).run(new DefaultApplicationArguments());

		assertThat(this.accounts.enabled(admin)).isFalse();
		assertThat(this.accounts.enabled(other)).isTrue();
	}

}
