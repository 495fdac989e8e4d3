-- Who did what to which record, when, from where. Rows are only ever added: the trigger below
-- refuses UPDATE, DELETE and TRUNCATE for everyone, the application included.
CREATE TABLE audit_event (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                 timestamptz NOT NULL DEFAULT clock_timestamp(),
    clinic_id          uuid,
    actor_account_id   uuid,
    actor_role         text,
    action             text NOT NULL CHECK (action ~ '^[A-Z_]{2,40}$'),
    record_type        text,
    record_id          uuid,
    -- Whose health data was touched, as an id only: erasure leaves it anonymous.
    subject_client_id  uuid,
    outcome            text NOT NULL DEFAULT 'OK' CHECK (outcome IN ('OK', 'REFUSED')),
    -- Facts without personal data, e.g. "role=THERAPIST".
    detail             text CHECK (length(detail) <= 200)
);
CREATE INDEX audit_event_clinic_at ON audit_event (clinic_id, at DESC);
CREATE INDEX audit_event_actor ON audit_event (actor_account_id, at DESC);
CREATE INDEX audit_event_subject ON audit_event (subject_client_id, at DESC);

-- "From where", kept apart: a network address is personal data, and erasure must be able to
-- remove it while the event itself stays.
CREATE TABLE audit_origin (
    event_id  bigint PRIMARY KEY REFERENCES audit_event (id),
    ip        text NOT NULL CHECK (length(ip) <= 64)
);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Consent to treatment and to data processing, with the version of the text that was shown.
CREATE TABLE consent (
    clinic_id     uuid NOT NULL,
    account_id    uuid NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('TREATMENT', 'DATA_PROCESSING')),
    text_version  text NOT NULL CHECK (length(text_version) BETWEEN 1 AND 40),
    given_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinic_id, account_id, kind, text_version),
    FOREIGN KEY (clinic_id, account_id) REFERENCES account (clinic_id, id)
);

-- Sign-in attempts not yet followed by a success, per e-mail address (hashed; known or not) and
-- per network address (IPv6 by /64).
CREATE TABLE sign_in_throttle (
    key           text PRIMARY KEY CHECK (length(key) <= 400),
    attempts      integer NOT NULL CHECK (attempts >= 0),
    last_attempt  timestamptz NOT NULL,
    locked_until  timestamptz
);

-- Invitations of therapists and admins: only a hash of the token is kept.
CREATE TABLE invitation (
    clinic_id     uuid NOT NULL REFERENCES clinic (id),
    token_hash    text PRIMARY KEY,
    email         text NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND position('@' IN email) > 1),
    role          text NOT NULL CHECK (role IN ('THERAPIST', 'ADMIN')),
    therapist_id  uuid,
    invited_by    uuid NOT NULL,
    expires_at    timestamptz NOT NULL,
    accepted_at   timestamptz,
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id),
    CHECK ((role = 'THERAPIST') = (therapist_id IS NOT NULL))
);
