package org.backcare.notification;

import java.util.Optional;
import java.util.Set;

/**
 * Writes the words of notices of its kinds when they are delivered: from the record as it
 * stands then, not as it stood when the change was made (a booking's own work stays a few
 * ids; composing a mail and its invite was most of it).
 */
interface NoticeWriter {

	/** The kinds of notice this writes. */
	Set<String> kinds();

	/**
	 * The message, or nothing when there is nobody to write to any more (the record is
	 * gone, the client erased or without an address).
	 */
	Optional<Mail> write(Outbox.Notice notice);

}
