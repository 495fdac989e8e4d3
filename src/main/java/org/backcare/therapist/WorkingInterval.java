package org.backcare.therapist;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One stretch of a therapist's week, in the clinic's local time: Monday 09:00–12:30. */
public record WorkingInterval(DayOfWeek day, LocalTime starts, LocalTime ends) {

	public WorkingInterval {
		if (!ends.isAfter(starts)) {
			throw new IllegalArgumentException(
					"Working hours must end after they start: " + day + " " + starts + "-" + ends);
		}
	}

}
