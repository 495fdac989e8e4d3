package org.backcare.clinic;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cancellation window at its boundary (the clinic's own rule, 24 hours by default).
 */
class ClinicPoliciesTest {

	static final Instant START = Instant.parse("2026-12-10T09:00:00Z");

	@Test
	void exactly24HoursBeforeTheStartASessionMayStillBeChangedOnline() {
		assertThat(ClinicPolicies.DEFAULT.mayChangeOnline(START, START.minus(Duration.ofHours(24)))).isTrue();
	}

	@Test
	void oneMinuteLessAndItMayNot() {
		assertThat(ClinicPolicies.DEFAULT.mayChangeOnline(START, START.minus(Duration.ofHours(24)).plusSeconds(60)))
			.isFalse();
	}

	@Test
	void aClinicWithoutAWindowLetsClientsChangeUntilTheStart() {
		ClinicPolicies none = ClinicPolicies.DEFAULT.withCancellationWindow(Duration.ZERO);
		assertThat(none.mayChangeOnline(START, START)).isTrue();
		assertThat(none.mayChangeOnline(START, START.plusSeconds(1))).isFalse();
	}

}
