package org.backcare.clinic;

import java.time.Duration;
import java.util.List;

/**
 * Something a client can book: a first consultation or a treatment, with the time it
 * takes and the cleanup buffer after it during which the therapist cannot start another
 * session. A service the clinic has withdrawn ({@code offered} false) keeps its sessions
 * but takes no new bookings.
 */
public record ServiceType(String code, String name, Duration duration, Duration buffer, boolean offered) {

	/** A service on offer. */
	public ServiceType(String code, String name, Duration duration, Duration buffer) {
		this(code, name, duration, buffer, true);
	}

	public static final String FIRST_CONSULTATION = "FIRST_CONSULTATION";

	public static final String TREATMENT_60 = "TREATMENT_60";

	public static final String TREATMENT_90 = "TREATMENT_90";

	/**
	 * What a newly opened clinic offers until it says otherwise: a short first
	 * consultation and two treatment lengths, each with a cleanup buffer.
	 */
	public static List<ServiceType> standardMenu() {
		return List.of(
				new ServiceType(FIRST_CONSULTATION, "First consultation", Duration.ofMinutes(30),
						Duration.ofMinutes(10)),
				new ServiceType(TREATMENT_60, "Treatment, 60 minutes", Duration.ofMinutes(60), Duration.ofMinutes(15)),
				new ServiceType(TREATMENT_90, "Treatment, 90 minutes", Duration.ofMinutes(90), Duration.ofMinutes(15)));
	}

	/**
	 * Whether the clinic may withdraw it: not the first consultation and the 60-minute
	 * treatment, for which the directory, matching and profiles show free times.
	 */
	public boolean mayBeWithdrawn() {
		return !FIRST_CONSULTATION.equals(this.code) && !TREATMENT_60.equals(this.code);
	}

	/** How long the therapist is busy: the session and its buffer. */
	public Duration blocks() {
		return this.duration.plus(this.buffer);
	}

}
