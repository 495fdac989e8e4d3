package org.backcare.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follow-up is due once the initial phase's sessions are held, then every so many weeks
 * after the last answers if the client has had a session since; never before.
 */
class FollowUpScheduleTest {

	static final Instant INTAKE = Instant.parse("2026-09-01T08:00:00Z");

	static Instant day(int days) {
		return INTAKE.plus(Duration.ofDays(days));
	}

	final FollowUpSchedule schedule = FollowUpSchedule.DEFAULT;

	@Test
	void dueWhenTheInitialPhasesLastSessionIsHeld_notOneSessionBefore() {
		List<Instant> five = List.of(day(7), day(14), day(21), day(28), day(35));
		assertThat(this.schedule.due(INTAKE, 6, five, List.of(), day(36))).isEmpty();
		assertThat(this.schedule.due(INTAKE, 6, concat(five, day(42)), List.of(), day(42)))
			.hasValueSatisfying(why -> assertThat(why).contains("first 6 sessions"));
	}

	@Test
	void answeredAfterThePhase_theNextIsDueTheChosenWeeksLater_ifASessionWasHeldSince() {
		List<Instant> sessions = List.of(day(7), day(14), day(21), day(28), day(35), day(42), day(56));
		Instant answered = day(43);
		assertThat(this.schedule.due(INTAKE, 6, sessions, List.of(answered), answered.plus(Duration.ofDays(27))))
			.isEmpty();
		assertThat(this.schedule.due(INTAKE, 6, sessions, List.of(answered), answered.plus(Duration.ofDays(28))))
			.hasValueSatisfying(why -> assertThat(why).contains("4 weeks"));
		// No session since the last answers: someone who stopped coming is not asked.
		assertThat(this.schedule.due(INTAKE, 6, sessions.subList(0, 6), List.of(answered), day(200))).isEmpty();
	}

	@Test
	void anAnswerGivenDuringThePhaseStartsNoClock_thePhasesEndStillAsks() {
		List<Instant> five = List.of(day(7), day(14), day(21), day(28), day(35));
		List<Instant> early = List.of(day(10));
		assertThat(this.schedule.due(INTAKE, 6, five, early, day(41))).isEmpty();
		assertThat(this.schedule.due(INTAKE, 6, concat(five, day(42)), early, day(42)))
			.hasValueSatisfying(why -> assertThat(why).contains("first 6 sessions"));
	}

	@Test
	void aClinicThatDoesNotAskAtThePhasesEnd_asksEveryChosenWeeksFromTheIntake() {
		FollowUpSchedule everyTwo = new FollowUpSchedule(false, 2);
		List<Instant> sessions = List.of(day(7));
		assertThat(everyTwo.due(INTAKE, 1, sessions, List.of(), day(13))).isEmpty();
		assertThat(everyTwo.due(INTAKE, 1, sessions, List.of(), day(14))).isPresent();
	}

	@Test
	void aNewIntakeStartsTheCountAgain() {
		Instant secondIntake = day(100);
		List<Instant> sessions = List.of(day(7), day(14), day(21), day(28), day(35), day(42), day(107));
		assertThat(this.schedule.due(secondIntake, 6, sessions, List.of(day(43)), day(108))).isEmpty();
	}

	private static List<Instant> concat(List<Instant> some, Instant more) {
		return java.util.stream.Stream.concat(some.stream(), java.util.stream.Stream.of(more)).toList();
	}

}
