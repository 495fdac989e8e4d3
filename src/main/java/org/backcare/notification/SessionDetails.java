package org.backcare.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.backcare.booking.Appointment;
import org.backcare.booking.CancellationPolicy;
import org.backcare.client.Client;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicPolicies;
import org.thymeleaf.context.Context;

/**
 * What a mail about a session says of it: the service, the therapist, when (in the
 * clinic's local time, its zone named) and where, and the clinic's cancellation window.
 * No health details: mail leaves the clinic's hands.
 */
record SessionDetails(Appointment session, Client client, Clinic clinic, String service, String therapist,
		ClinicPolicies policies) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm",
			Locale.ENGLISH);

	/** "Thursday 3 December 2026, 10:00", in the clinic's zone. */
	String at(Instant instant) {
		return WHEN.format(instant.atZone(this.clinic.zone()));
	}

	/** The session's start with its zone named, for the body of a mail. */
	String when() {
		return at(this.session.start()) + " (" + this.clinic.zone().getId() + ")";
	}

	String window() {
		return CancellationPolicy.describe(this.policies.cancellationWindow());
	}

	/** The words every mail about the session is made of, for its templates. */
	Context context(String kind, String link, Map<String, Object> more) {
		Map<String, Object> variables = new HashMap<>(more);
		variables.putAll(Map.of("kind", kind, "client", this.client.name(), "clinic", this.clinic, "service",
				this.service, "therapist", this.therapist, "when", when(), "window", window(), "link", link));
		return new Context(Locale.ENGLISH, variables);
	}

}
