-- Minimum notice and booking horizon are each clinic's own (they were one setting for the whole
-- installation): how soon a session may start from now, and how far ahead bookings open. A
-- notice of at most two days and a horizon of at least a week keep the horizon beyond the notice.
ALTER TABLE clinic ADD COLUMN minimum_notice_minutes integer NOT NULL DEFAULT 120
    CHECK (minimum_notice_minutes BETWEEN 0 AND 2880);
ALTER TABLE clinic ADD COLUMN booking_horizon_days integer NOT NULL DEFAULT 90
    CHECK (booking_horizon_days BETWEEN 7 AND 730);
