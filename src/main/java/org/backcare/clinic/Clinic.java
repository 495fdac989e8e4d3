package org.backcare.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A clinic. Its zone turns stored instants into the local times clients and therapists
 * live by; its booking window says how soon and how far ahead its sessions may be booked.
 */
public record Clinic(ClinicId id, String name, String address, ZoneId zone, BookingWindow booking) {

	/** A clinic with the default booking window. */
	public Clinic(ClinicId id, String name, String address, ZoneId zone) {
		this(id, name, address, zone, BookingWindow.DEFAULT);
	}

	public LocalDate localDate(Instant instant) {
		return instant.atZone(this.zone).toLocalDate();
	}

	public OffsetDateTime localTime(Instant instant) {
		return instant.atZone(this.zone).toOffsetDateTime();
	}

}
