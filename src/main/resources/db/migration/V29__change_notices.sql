-- Every node keeps the records nearly every request needs in memory: the caller's account
-- (for each bearer token and page session), therapists with their licences, certifications,
-- hours and time off (for each booking), clients (a booking and its mail, most pages about
-- them), clinics with their services and policies. The database announces every committed
-- change to them, whoever makes it, so that every node forgets the record at once
-- (platform.ChangeNotices): a revoked token or an ended licence holds on every node from the
-- moment it commits. NOTIFY is delivered at commit only, and repeated notices of one
-- transaction are sent once.

-- TG_ARGV[0]: the channel; TG_ARGV[1]: the column naming the record the nodes keep (the row
-- before and after a change, when an update moves it to another record).
CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    now_names    text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) ->> TG_ARGV[1] END;
    before_names text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) ->> TG_ARGV[1] END;
BEGIN
    IF now_names IS NOT NULL THEN
        PERFORM pg_notify(TG_ARGV[0], now_names);
    END IF;
    IF before_names IS DISTINCT FROM now_names AND before_names IS NOT NULL THEN
        PERFORM pg_notify(TG_ARGV[0], before_names);
    END IF;
    RETURN NULL;
END $$;

-- A new account, therapist, client or clinic is nobody's memory yet: only changes.
CREATE TRIGGER account_announced AFTER UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION announce_change('account_changed', 'id');

CREATE TRIGGER therapist_announced AFTER UPDATE OR DELETE ON therapist
    FOR EACH ROW EXECUTE FUNCTION announce_change('therapist_changed', 'id');
CREATE TRIGGER licence_announced AFTER INSERT OR UPDATE OR DELETE ON licence
    FOR EACH ROW EXECUTE FUNCTION announce_change('therapist_changed', 'therapist_id');
CREATE TRIGGER certification_announced AFTER INSERT OR UPDATE OR DELETE ON certification
    FOR EACH ROW EXECUTE FUNCTION announce_change('therapist_changed', 'therapist_id');
CREATE TRIGGER working_hours_announced AFTER INSERT OR UPDATE OR DELETE ON working_hours
    FOR EACH ROW EXECUTE FUNCTION announce_change('therapist_changed', 'therapist_id');
CREATE TRIGGER time_off_announced AFTER INSERT OR UPDATE OR DELETE ON time_off
    FOR EACH ROW EXECUTE FUNCTION announce_change('therapist_changed', 'therapist_id');

CREATE TRIGGER client_announced AFTER UPDATE OR DELETE ON client
    FOR EACH ROW EXECUTE FUNCTION announce_change('client_changed', 'id');

-- Clinics were announced by the application (Clinics.announce); now by the database, on the
-- channel the nodes already listen to.
CREATE TRIGGER clinic_announced AFTER UPDATE OR DELETE ON clinic
    FOR EACH ROW EXECUTE FUNCTION announce_change('clinic_changed', 'id');
CREATE TRIGGER service_type_announced AFTER INSERT OR UPDATE OR DELETE ON service_type
    FOR EACH ROW EXECUTE FUNCTION announce_change('clinic_changed', 'clinic_id');
