package org.backcare.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A clinic. Its zone turns stored instants into the local times clients and therapists
 * live by.
 */
public record Clinic(ClinicId id, String name, String address, ZoneId zone) {

	public LocalDate localDate(Instant instant) {
		return instant.atZone(this.zone).toLocalDate();
	}

	public OffsetDateTime localTime(Instant instant) {
		return instant.atZone(this.zone).toOffsetDateTime();
	}

}
