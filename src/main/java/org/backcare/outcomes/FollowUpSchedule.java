package org.backcare.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a clinic asks its clients to answer the follow-up: once the initial phase of care
 * is over (the number of sessions the intake recommended, counted from the latest
 * intake), and then every {@code everyWeeks} weeks after the last answers, provided the
 * client has had a session since (someone who stopped coming is not asked). The clinic's
 * own rule (with the phase's follow-up on, the weeks count from it); the default, after
 * the initial phase and every 4 weeks, follows the usual re-assessment points of a course
 * of care.
 */
public record FollowUpSchedule(boolean afterInitialPhase, int everyWeeks) {

	public static final FollowUpSchedule DEFAULT = new FollowUpSchedule(true, 4);

	public static final int MAX_WEEKS = 52;

	/**
	 * Why a follow-up is due now, or empty.
	 * @param intakeAt the latest intake's time
	 * @param initialSessions the sessions of the initial phase it recommended
	 * @param held the starts of the sessions held, the earliest first
	 * @param answered the times of the follow-ups answered, the earliest first
	 */
	public Optional<String> due(Instant intakeAt, int initialSessions, List<Instant> held, List<Instant> answered,
			Instant now) {
		List<Instant> since = held.stream().filter(start -> start.isAfter(intakeAt)).toList();
		Instant last;
		if (this.afterInitialPhase && initialSessions > 0) {
			if (since.size() < initialSessions) {
				// The phase is not over: an answer given meanwhile starts no clock.
				return Optional.empty();
			}
			Instant endOfPhase = since.get(initialSessions - 1);
			Optional<Instant> afterPhase = answered.stream().filter(at -> !at.isBefore(endOfPhase)).reduce((a, b) -> b);
			if (afterPhase.isEmpty()) {
				return Optional.of("Your first " + initialSessions + " sessions are done: a few questions show how far "
						+ "you have come.");
			}
			last = afterPhase.get();
		}
		else {
			last = answered.stream().filter(at -> at.isAfter(intakeAt)).reduce((a, b) -> b).orElse(intakeAt);
		}
		boolean sessionSince = since.stream().anyMatch(start -> start.isAfter(last));
		if (sessionSince && !now.isBefore(last.plus(Duration.ofDays(7L * this.everyWeeks)))) {
			return Optional.of("It has been " + this.everyWeeks + ((this.everyWeeks == 1) ? " week" : " weeks")
					+ " since you last answered: a few questions show how you are doing.");
		}
		return Optional.empty();
	}

}
