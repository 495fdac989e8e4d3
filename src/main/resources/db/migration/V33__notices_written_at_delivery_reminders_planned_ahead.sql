-- A booking, move or cancellation writes its notice to the client as ids only (what happened, to which
-- session, for which client), in the same statement as the change's other pending writes; the words, the
-- address and the calendar invite are written when the notice is delivered, from the session as it then
-- stands (composing a mail and its invite was most of a booking's own work). A notice not yet written has
-- no recipient, subject or bodies; a message that was sent always has them.
ALTER TABLE mail_message
    ALTER COLUMN recipient DROP NOT NULL,
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN body_text DROP NOT NULL,
    ALTER COLUMN body_html DROP NOT NULL,
    ADD CONSTRAINT mail_message_written_whole CHECK ((recipient IS NULL) = (subject IS NULL)
                                                     AND (subject IS NULL) = (body_text IS NULL)
                                                     AND (body_text IS NULL) = (body_html IS NULL)),
    ADD CONSTRAINT mail_message_sent_written CHECK (sent_at IS NULL OR body_text IS NOT NULL);

-- Reminders are planned by a periodic run over the booked sessions whose reminders fall due soon (not by
-- every booking): it reads booked sessions by start time across the clinics.
CREATE INDEX appointment_booked_by_start ON appointment (starts_at) WHERE status = 'BOOKED';
