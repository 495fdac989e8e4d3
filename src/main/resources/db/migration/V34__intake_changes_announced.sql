-- Every node keeps what booking needs of each client's latest intake (when it was submitted, whether
-- it asks for a doctor's check and has the clearance, which techniques it rules out): a booking of a
-- treatment asks it every time. The database announces every committed change to a client's intakes
-- and their clearances, whoever makes it, so every node forgets that client's at once (see V29).
CREATE TRIGGER intake_announced AFTER INSERT OR UPDATE OR DELETE ON intake
    FOR EACH ROW EXECUTE FUNCTION announce_change('intake_changed', 'client_id');

-- A clearance names its intake, not the client: the client is the intake's.
CREATE FUNCTION announce_clearance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed medical_clearance := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
    PERFORM pg_notify('intake_changed', i.client_id::text)
    FROM intake i WHERE i.clinic_id = changed.clinic_id AND i.id = changed.intake_id;
    RETURN NULL;
END $$;

CREATE TRIGGER medical_clearance_announced AFTER INSERT OR UPDATE OR DELETE ON medical_clearance
    FOR EACH ROW EXECUTE FUNCTION announce_clearance();
