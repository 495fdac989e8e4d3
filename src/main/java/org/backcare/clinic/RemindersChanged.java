package org.backcare.clinic;

import java.time.Duration;
import java.util.List;

/**
 * The clinic now reminds its clients at these lead times before a session (none, one or
 * two), published in the transaction of the change.
 */
public record RemindersChanged(ClinicId clinic, List<Duration> reminders) {
}
