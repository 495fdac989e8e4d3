package org.backcare.notes;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long notes are kept (the clinic's years, ten by default as the College of Massage
 * Therapists of Ontario asks): from the last entry, or from the 18th birthday of a client
 * who was a minor at that entry — at the boundary of 18.
 */
class NoteRetentionTest {

	static final LocalDate LAST_ENTRY = LocalDate.of(2026, 12, 3);

	@Test
	void anAdultsNotesAreKeptTheClinicsYearsAfterTheLastEntry() {
		assertThat(NoteRetention.keptUntil(LAST_ENTRY, LocalDate.of(1980, 1, 1), 10))
			.isEqualTo(LocalDate.of(2036, 12, 3));
		assertThat(NoteRetention.keptUntil(LAST_ENTRY, null, 7)).isEqualTo(LocalDate.of(2033, 12, 3));
	}

	@Test
	void eighteenOnTheDayOfTheLastEntryCountsFromTheEntry() {
		assertThat(NoteRetention.keptUntil(LAST_ENTRY, LAST_ENTRY.minusYears(18), 10))
			.isEqualTo(LocalDate.of(2036, 12, 3));
	}

	@Test
	void aDayShortOf18CountsFromThe18thBirthday() {
		LocalDate born = LAST_ENTRY.minusYears(18).plusDays(1);
		assertThat(NoteRetention.keptUntil(LAST_ENTRY, born, 10)).isEqualTo(LocalDate.of(2036, 12, 4));
	}

	@Test
	void aChildsNotesAreKeptTheClinicsYearsAfterTheir18thBirthday() {
		assertThat(NoteRetention.keptUntil(LAST_ENTRY, LocalDate.of(2016, 5, 20), 10))
			.isEqualTo(LocalDate.of(2044, 5, 20));
	}

}
