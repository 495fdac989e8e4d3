-- A therapist who leaves the clinic is deactivated, never deleted: their sessions, notes,
-- reviews and audit entries keep pointing at them. An inactive therapist holds no booked
-- session: the front desk moves those first, and this trigger refuses any booking or move onto
-- one. It takes a share lock on the therapist's row, so a booking in flight and a deactivation
-- (an UPDATE of that row) serialise: whichever commits first, the other sees it.
ALTER TABLE therapist ADD COLUMN deactivated_at timestamptz;

CREATE FUNCTION appointment_needs_active_therapist() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM therapist
    WHERE clinic_id = NEW.clinic_id AND id = NEW.therapist_id AND deactivated_at IS NULL
    FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the therapist no longer takes bookings'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'appointment_therapist_active';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER appointment_therapist_active
    BEFORE INSERT OR UPDATE OF therapist_id, starts_at ON appointment
    FOR EACH ROW WHEN (NEW.status = 'BOOKED')
    EXECUTE FUNCTION appointment_needs_active_therapist();
