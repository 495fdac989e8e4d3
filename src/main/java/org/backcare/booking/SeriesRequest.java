package org.backcare.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.backcare.client.ClientId;
import org.backcare.platform.Sha256;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;

/**
 * A series asked for: the first session and the rule, and what to do about the sessions
 * that conflict — leave them out ({@code skip}, by clinic-local date) or book one of the
 * offered alternatives instead ({@code replace}). {@code intakeWaiver} as for a single
 * booking.
 */
public record SeriesRequest(ClientId client, TherapistId therapist, String service, Technique technique,
		Instant firstStart, SeriesRule rule, Set<LocalDate> skip, Map<LocalDate, Instant> replace,
		String intakeWaiver) {

	public SeriesRequest {
		skip = (skip != null) ? Set.copyOf(skip) : Set.of();
		replace = (replace != null) ? Map.copyOf(replace) : Map.of();
	}

	/** Identifies the request's content for an Idempotency-Key. */
	String fingerprint() {
		return Sha256.hex("series|" + this.client + "|" + this.therapist + "|" + this.service + "|" + this.technique
				+ "|" + this.firstStart + "|" + this.rule + "|" + new TreeSet<>(this.skip) + "|"
				+ new TreeMap<>(this.replace) + "|" + this.intakeWaiver);
	}

	/** The request for one of its sessions, as a single booking would be. */
	BookingRequest session(Instant start) {
		return new BookingRequest(this.client, this.therapist, this.service, start, this.technique, this.intakeWaiver);
	}

}
