-- Session notes (SOAP): one per session, written by its therapist, saved as a draft and then
-- signed. A signed note is never changed: a correction is an amendment under it. The database
-- holds that, as it holds the audit log append-only: triggers refuse the change whoever sends it.
CREATE TABLE session_note (
    clinic_id         uuid NOT NULL,
    id                uuid NOT NULL,
    appointment_id    uuid NOT NULL,
    client_id         uuid NOT NULL,
    therapist_id      uuid NOT NULL,
    -- When the session began (a note is written once it has, and a begun session never moves):
    -- notes are listed in the order of their sessions.
    session_start     timestamptz NOT NULL,
    subjective        text NOT NULL DEFAULT '' CHECK (length(subjective) <= 4000),
    -- NPRS 0-10 as the client reports it at the session.
    pain_now          smallint CHECK (pain_now BETWEEN 0 AND 10),
    objective         text NOT NULL DEFAULT '' CHECK (length(objective) <= 4000),
    assessment        text NOT NULL DEFAULT '' CHECK (length(assessment) <= 4000),
    plan              text NOT NULL DEFAULT '' CHECK (length(plan) <= 4000),
    minutes           smallint CHECK (minutes BETWEEN 1 AND 240),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- The signature: who, when, with which licence, over which content (SHA-256, hex). The
    -- client's name and date of birth are signed with it: the note names whom it is about even
    -- after the client's own record is made anonymous.
    signed_at         timestamptz,
    signed_by         uuid,
    signer_name       text CHECK (length(signer_name) <= 200),
    signer_licence    text CHECK (length(signer_licence) <= 210),
    client_name       text CHECK (length(client_name) <= 200),
    client_born       date,
    content_hash      text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (clinic_id, id),
    UNIQUE (clinic_id, appointment_id),
    FOREIGN KEY (clinic_id, appointment_id) REFERENCES appointment (clinic_id, id),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id),
    CHECK ((signed_at IS NULL) = (signed_by IS NULL)
       AND (signed_at IS NULL) = (content_hash IS NULL)
       AND (signed_at IS NULL) = (signer_name IS NULL)
       AND (signed_at IS NULL) = (client_name IS NULL))
);
CREATE INDEX session_note_client ON session_note (client_id, session_start);
CREATE INDEX session_note_therapist ON session_note (therapist_id, client_id, session_start);

-- The areas treated: each region of the body map once, with the technique used on it (null:
-- none named) and the pressure.
CREATE TABLE session_note_area (
    clinic_id   uuid NOT NULL,
    note_id     uuid NOT NULL,
    region      text NOT NULL CHECK (region IN ('NECK', 'SHOULDER_LEFT', 'SHOULDER_RIGHT', 'UPPER_BACK', 'MID_BACK',
                    'LOWER_BACK_LEFT', 'LOWER_BACK_RIGHT', 'SACRUM_BUTTOCKS', 'HIP_LEFT', 'HIP_RIGHT', 'THIGH_LEFT',
                    'THIGH_RIGHT', 'LOWER_LEG_LEFT', 'LOWER_LEG_RIGHT')),
    technique   text CHECK (technique IN ('SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE')),
    pressure    text NOT NULL CHECK (pressure IN ('LIGHT', 'MEDIUM', 'FIRM')),
    PRIMARY KEY (clinic_id, note_id, region),
    FOREIGN KEY (clinic_id, note_id) REFERENCES session_note (clinic_id, id) ON DELETE CASCADE
);

-- A correction of a signed note: its reason, text and author, signed when written. The original
-- stays as it was, every amendment under it.
CREATE TABLE session_note_amendment (
    clinic_id         uuid NOT NULL,
    id                uuid NOT NULL,
    note_id           uuid NOT NULL,
    reason            text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    body              text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
    written_at        timestamptz NOT NULL,
    author_account_id uuid NOT NULL,
    author_name       text NOT NULL CHECK (length(author_name) <= 200),
    author_licence    text CHECK (length(author_licence) <= 210),
    content_hash      text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, note_id) REFERENCES session_note (clinic_id, id)
);
CREATE INDEX session_note_amendment_note ON session_note_amendment (note_id, written_at);

-- The client sees a signed note only once its therapist shares it (and no longer once they
-- stop): kept beside the note, so sharing changes nothing the signature covers.
CREATE TABLE session_note_share (
    clinic_id   uuid NOT NULL,
    note_id     uuid NOT NULL,
    shared_at   timestamptz NOT NULL,
    shared_by   uuid NOT NULL,
    PRIMARY KEY (clinic_id, note_id),
    FOREIGN KEY (clinic_id, note_id) REFERENCES session_note (clinic_id, id)
);

-- Sessions held (marked completed) whose note is not signed yet: written when the session is
-- completed, in that transaction, and gone when its note is signed. Listed as due a day after the
-- session ends.
CREATE TABLE note_due (
    clinic_id       uuid NOT NULL,
    appointment_id  uuid NOT NULL,
    therapist_id    uuid NOT NULL,
    client_id       uuid NOT NULL,
    session_start   timestamptz NOT NULL,
    session_end     timestamptz NOT NULL,
    PRIMARY KEY (clinic_id, appointment_id),
    FOREIGN KEY (clinic_id, appointment_id) REFERENCES appointment (clinic_id, id)
);
CREATE INDEX note_due_therapist ON note_due (therapist_id, session_end);
CREATE INDEX note_due_clinic ON note_due (clinic_id, session_end);

-- How long a clinic keeps treatment notes: years after the last entry (for a client who was a
-- minor then, after their 18th birthday). Ten unless the clinic sets otherwise (Ontario's
-- massage college: ten years).
CREATE TABLE note_retention (
    clinic_id   uuid PRIMARY KEY REFERENCES clinic (id),
    years       smallint NOT NULL CHECK (years BETWEEN 1 AND 50)
);

CREATE FUNCTION session_note_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'session note % is signed: % refused (add an amendment)', OLD.id, TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER session_note_signed_no_change BEFORE UPDATE OR DELETE ON session_note
    FOR EACH ROW EXECUTE FUNCTION session_note_signed_is_final();

-- TRUNCATE passes row triggers by: refused outright for the notes and their areas.
CREATE FUNCTION session_note_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% cannot be truncated: signed notes are kept', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER session_note_no_truncate BEFORE TRUNCATE ON session_note
    FOR EACH STATEMENT EXECUTE FUNCTION session_note_no_truncate();
CREATE TRIGGER session_note_area_no_truncate BEFORE TRUNCATE ON session_note_area
    FOR EACH STATEMENT EXECUTE FUNCTION session_note_no_truncate();

CREATE FUNCTION session_note_area_follows_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected uuid := CASE TG_OP WHEN 'DELETE' THEN OLD.note_id ELSE NEW.note_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM session_note
               WHERE clinic_id = CASE TG_OP WHEN 'DELETE' THEN OLD.clinic_id ELSE NEW.clinic_id END
                 AND id = affected AND signed_at IS NOT NULL) THEN
        RAISE EXCEPTION 'session note % is signed: its areas are final', affected
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER session_note_area_signed_no_change BEFORE INSERT OR UPDATE OR DELETE ON session_note_area
    FOR EACH ROW EXECUTE FUNCTION session_note_area_follows_note();

CREATE FUNCTION session_note_amendment_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT 1 FROM session_note
                       WHERE clinic_id = NEW.clinic_id AND id = NEW.note_id AND signed_at IS NOT NULL) THEN
            RAISE EXCEPTION 'only a signed note is amended; a draft is edited' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'session_note_amendment is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER session_note_amendment_append_only BEFORE INSERT OR UPDATE OR DELETE ON session_note_amendment
    FOR EACH ROW EXECUTE FUNCTION session_note_amendment_is_append_only();
CREATE TRIGGER session_note_amendment_no_truncate BEFORE TRUNCATE ON session_note_amendment
    FOR EACH STATEMENT EXECUTE FUNCTION session_note_amendment_is_append_only();

-- A signed note locks its session: it is not moved, given to another therapist, cancelled,
-- marked as not come or deleted. (Completing it is the one change left: signing may do that.)
CREATE FUNCTION appointment_locked_by_signed_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM session_note
               WHERE clinic_id = OLD.clinic_id AND appointment_id = OLD.id AND signed_at IS NOT NULL) THEN
        IF TG_OP = 'DELETE' OR NEW.starts_at <> OLD.starts_at OR NEW.ends_at <> OLD.ends_at
           OR NEW.therapist_id <> OLD.therapist_id
           OR (NEW.status <> OLD.status AND NOT (OLD.status = 'BOOKED' AND NEW.status = 'COMPLETED')) THEN
            RAISE EXCEPTION 'appointment % has a signed note: % refused', OLD.id, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER appointment_signed_note_lock BEFORE UPDATE OR DELETE ON appointment
    FOR EACH ROW EXECUTE FUNCTION appointment_locked_by_signed_note();
