package org.backcare.notes;

import org.backcare.booking.AppointmentCompleted;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A session marked as held owes a note: recorded in the same transaction, so a held
 * session and its note due exist together or not at all (on any node).
 */
@Component
class NotesFollowSessions {

	private final NoteRepository notes;

	NotesFollowSessions(NoteRepository notes) {
		this.notes = notes;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AppointmentCompleted event) {
		this.notes.due(event);
	}

}
