package org.backcare.clinic;

import java.time.Duration;

/**
 * Something a client can book: a first consultation or a treatment, with the time it takes and
 * the cleanup buffer after it during which the therapist cannot start another session.
 */
public record ServiceType(String code, String name, Duration duration, Duration buffer) {

	public static final String FIRST_CONSULTATION = "FIRST_CONSULTATION";

	public static final String TREATMENT_60 = "TREATMENT_60";

	public static final String TREATMENT_90 = "TREATMENT_90";

	/** How long the therapist is busy: the session and its buffer. */
	public Duration blocks() {
		return this.duration.plus(this.buffer);
	}

}
