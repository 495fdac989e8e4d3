package org.backcare.therapist;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Written in JSON as the plain UUID string, like every id in the API. */
public record TherapistId(@JsonValue UUID value) implements Serializable {

	public TherapistId {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The order PostgreSQL sorts {@code uuid} in (byte by byte, unsigned), which Java's
	 * {@link UUID#compareTo} (signed) does not follow: results ordered in Java and pages
	 * read in SQL must agree on ties.
	 */
	public static final Comparator<TherapistId> AS_STORED = Comparator
		.<TherapistId, Long>comparing(id -> id.value().getMostSignificantBits(), Long::compareUnsigned)
		.thenComparing(id -> id.value().getLeastSignificantBits(), Long::compareUnsigned);

	@Override
	public String toString() {
		return this.value.toString();
	}

}
