-- A completed session was real time with the therapist and the client: it keeps blocking that
-- time like a booked one, so marking a session completed early can never free it for another
-- booking.
ALTER TABLE appointment DROP CONSTRAINT appointment_therapist_no_overlap;
ALTER TABLE appointment ADD CONSTRAINT appointment_therapist_no_overlap EXCLUDE USING gist (
    clinic_id WITH =, therapist_id WITH =, tstzrange(starts_at, blocked_until) WITH &&)
    WHERE (status IN ('BOOKED', 'COMPLETED'));
ALTER TABLE appointment DROP CONSTRAINT appointment_client_no_overlap;
ALTER TABLE appointment ADD CONSTRAINT appointment_client_no_overlap EXCLUDE USING gist (
    clinic_id WITH =, client_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (status IN ('BOOKED', 'COMPLETED'));
