package org.backcare.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.clinic.Clinics;

import org.springframework.stereotype.Component;

/**
 * How long a client's treatment notes are kept: the clinic's number of years (ten unless
 * it sets another: the College of Massage Therapists of Ontario asks for ten years after
 * the last entry in the client's record) counted from the last entry, or, for a client
 * who was under 18 at that entry, from their 18th birthday.
 */
@Component
class NoteRetention {

	/** The years kept when the clinic has not said otherwise. */
	static final int DEFAULT_YEARS = 10;

	/**
	 * A person is of age at 18, the age the retention rules of the colleges count from.
	 */
	static final int ADULT_AGE = 18;

	private final NoteRepository notes;

	private final Clinics clinics;

	NoteRetention(NoteRepository notes, Clinics clinics) {
		this.notes = notes;
		this.clinics = clinics;
	}

	int years(ClinicId clinic) {
		return this.notes.retentionYears(clinic).orElse(DEFAULT_YEARS);
	}

	void setYears(ClinicId clinic, int years) {
		this.notes.setRetentionYears(clinic, years);
	}

	/** The last day the client's signed notes must be kept; null when none is signed. */
	LocalDate keptUntil(ClientId client) {
		return keptUntil(this.notes.ofClient(client));
	}

	/** The last day a client's signed notes must be kept; null when none is signed. */
	LocalDate keptUntil(List<SessionNote> clientNotes) {
		List<SessionNote> signed = clientNotes.stream().filter(SessionNote::signed).toList();
		if (signed.isEmpty()) {
			return null;
		}
		ClinicId clinic = signed.get(0).clinicId();
		ZoneId zone = this.clinics.get(clinic).zone();
		Instant lastEntry = signed.stream()
			.flatMap(note -> Stream.concat(Stream.of(note.signature().signedAt()),
					note.amendments().stream().map(Amendment::writtenAt)))
			.max(Instant::compareTo)
			.orElseThrow();
		LocalDate born = signed.stream()
			.map(note -> note.signature().clientBorn())
			.filter(day -> day != null)
			.findFirst()
			.orElse(null);
		return keptUntil(LocalDate.ofInstant(lastEntry, zone), born, years(clinic));
	}

	/**
	 * The rule itself: {@code years} after the last entry, or after the 18th birthday of
	 * a client who was a minor at that entry.
	 */
	static LocalDate keptUntil(LocalDate lastEntry, LocalDate born, int years) {
		LocalDate from = lastEntry;
		if (born != null && Period.between(born, lastEntry).getYears() < ADULT_AGE) {
			from = born.plusYears(ADULT_AGE);
		}
		return from.plusYears(years);
	}

}
