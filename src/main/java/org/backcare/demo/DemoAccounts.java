package org.backcare.demo;

import java.util.List;

import org.backcare.account.SignInHints;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo accounts, one per role. Their passwords are public on purpose (README, login
 * page), which is why they exist only in demo mode.
 */
@Component
@ConditionalOnBooleanProperty(name = "backcare.demo.enabled", matchIfMissing = true)
class DemoAccounts implements SignInHints {

	static final Hint ADMIN = new Hint("Clinic admin", "admin@riverside.example", "riverside-admin-demo");

	static final Hint THERAPIST = new Hint("Therapist (Anna Keller)", "anna.keller@riverside.example",
			"riverside-therapist-demo");

	static final Hint CLIENT = new Hint("Client (Maria Schmidt)", "maria.schmidt@example.org", "riverside-client-demo");

	@Override
	public List<Hint> hints() {
		return List.of(CLIENT, THERAPIST, ADMIN);
	}

}
