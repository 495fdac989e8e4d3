package org.backcare.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of time [start, end), the same shape as PostgreSQL's
 * {@code tstzrange '[)'}.
 */
public record TimeRange(Instant start, Instant end) {

	public TimeRange {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A time range must end after it starts: " + start + " / " + end);
		}
	}

	public static TimeRange starting(Instant start, Duration length) {
		return new TimeRange(start, start.plus(length));
	}

	public boolean overlaps(TimeRange other) {
		return this.start.isBefore(other.end) && other.start.isBefore(this.end);
	}

	public boolean contains(TimeRange other) {
		return !other.start.isBefore(this.start) && !other.end.isAfter(this.end);
	}

}
