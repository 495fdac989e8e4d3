package org.backcare.notes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A client's session notes in their export (drafts included: it is data about them). On
 * erasure drafts go; signed notes stay, with their amendments, for as long as the clinic
 * must keep treatment records ({@link NoteRetention}), and the client is told so before
 * they decide.
 */
@Component
@Order(90)
class NotesOfClient implements PersonalData {

	private final NoteRepository notes;

	private final NoteRetention retention;

	NotesOfClient(NoteRepository notes, NoteRetention retention) {
		this.notes = notes;
		this.retention = retention;
	}

	@Override
	public String part() {
		return "sessionNotes";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		List<SessionNote> all = this.notes.ofClient(client);
		return all.isEmpty() ? Optional.empty() : Optional.of(all);
	}

	@Override
	public void erase(ClientId client) {
		this.notes.deleteDrafts(client);
	}

	@Override
	public Optional<String> keptOnErasure(ClientId client) {
		List<SessionNote> signed = this.notes.ofClient(client).stream().filter(SessionNote::signed).toList();
		if (signed.isEmpty()) {
			return Optional.empty();
		}
		LocalDate until = this.retention.keptUntil(signed);
		return Optional.of("The treatment notes of " + signed.size() + ((signed.size() == 1) ? " session" : " sessions")
				+ ", signed by your therapist, are kept until " + until + ": the clinic must keep treatment records "
				+ "for " + this.retention.years(signed.get(0).clinicId()) + " years after the last entry "
				+ "(after your 18th birthday for records made before it). Only the clinic's staff can read them.");
	}

}
