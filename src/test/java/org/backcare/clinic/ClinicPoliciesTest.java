package org.backcare.clinic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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

	@Test
	void remindersByDefault48And2HoursBefore() {
		assertThat(ClinicPolicies.DEFAULT.reminders()).containsExactly(Duration.ofHours(48), Duration.ofHours(2));
	}

	@Test
	void remindersNoneOneOrTwoDifferentOnesOfOneHourToAWeek() {
		assertThat(ClinicPolicies.DEFAULT.withReminders(List.of()).reminders()).isEmpty();
		assertThat(
				ClinicPolicies.DEFAULT.withReminders(List.of(Duration.ofHours(1), Duration.ofHours(168))).reminders())
			.hasSize(2);
		for (List<Duration> nonsense : List.of(List.of(Duration.ZERO), List.of(Duration.ofMinutes(59)),
				List.of(Duration.ofHours(169)), List.of(Duration.ofMinutes(90)),
				List.of(Duration.ofHours(5), Duration.ofHours(5)),
				List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)))) {
			assertThatIllegalArgumentException().as(nonsense.toString())
				.isThrownBy(() -> ClinicPolicies.DEFAULT.withReminders(nonsense));
		}
	}

}
