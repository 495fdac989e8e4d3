-- A clinic's cancellation window: how late a client may still cancel or move a session online (the
-- front desk can always; then the cancellation is recorded as late).
ALTER TABLE clinic ADD COLUMN cancellation_window_minutes integer NOT NULL DEFAULT 1440
    CHECK (cancellation_window_minutes BETWEEN 0 AND 20160);

-- Attendance: a session cancelled inside the window is a late cancellation; one the client did not
-- come to is a no-show, set by staff after its start. Neither holds time any more.
ALTER TABLE appointment ADD COLUMN late_cancellation boolean NOT NULL DEFAULT false;
ALTER TABLE appointment ADD COLUMN no_show_at timestamptz;
ALTER TABLE appointment DROP CONSTRAINT appointment_status_check;
ALTER TABLE appointment ADD CONSTRAINT appointment_status_check
    CHECK (status IN ('BOOKED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'));
ALTER TABLE appointment ADD CONSTRAINT appointment_no_show_after_start
    CHECK ((status = 'NO_SHOW') = (no_show_at IS NOT NULL) AND (no_show_at IS NULL OR no_show_at >= starts_at));
ALTER TABLE appointment ADD CONSTRAINT appointment_late_only_when_cancelled
    CHECK (NOT late_cancellation OR status = 'CANCELLED');
