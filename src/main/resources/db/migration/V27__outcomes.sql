-- Outcomes: the same instruments as the intake, answered again between sessions, so progress can
-- be measured against the first answers. A follow-up is the short questionnaire (pain now, STarT
-- Back, Oswestry), not a whole new intake; its scores are stored with their versions as the
-- intake's are, so only like is compared with like.
CREATE TABLE follow_up (
    clinic_id    uuid NOT NULL,
    id           uuid NOT NULL,
    client_id    uuid NOT NULL,
    answered_at  timestamptz NOT NULL,
    answered_by  uuid NOT NULL,
    -- A form's own key: a double click or a resubmitted page lands on the same follow-up.
    request_key  text CHECK (length(request_key) <= 100),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id)
);
CREATE INDEX follow_up_client ON follow_up (client_id, answered_at);
CREATE UNIQUE INDEX follow_up_request_key ON follow_up (answered_by, request_key) WHERE request_key IS NOT NULL;

CREATE TABLE follow_up_response (
    clinic_id     uuid NOT NULL,
    follow_up_id  uuid NOT NULL,
    client_id     uuid NOT NULL,
    instrument    text NOT NULL CHECK (instrument IN ('STARTBACK', 'ODI', 'NPRS')),
    version       text NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    raw_answers   jsonb NOT NULL,
    score         numeric(5, 2) NOT NULL,
    subscale      numeric(5, 2),
    category      text NOT NULL,
    PRIMARY KEY (clinic_id, follow_up_id, instrument),
    FOREIGN KEY (clinic_id, follow_up_id) REFERENCES follow_up (clinic_id, id) ON DELETE CASCADE,
    CHECK (CASE instrument
        WHEN 'STARTBACK' THEN score BETWEEN 0 AND 9 AND subscale BETWEEN 0 AND 5 AND category IN ('LOW', 'MEDIUM', 'HIGH')
        WHEN 'ODI' THEN score BETWEEN 0 AND 100 AND category IN ('MINIMAL', 'MODERATE', 'SEVERE', 'CRIPPLED', 'BED_BOUND')
        WHEN 'NPRS' THEN score BETWEEN 0 AND 10 AND score = trunc(score)
    END)
);

-- The measurement progress is judged from. The client's first intake unless a therapist or admin
-- chose another (an intake or a follow-up), with their reason; every choice is kept and the latest
-- is in force.
CREATE TABLE outcome_baseline (
    clinic_id       uuid NOT NULL,
    id              uuid NOT NULL,
    client_id       uuid NOT NULL,
    measurement_id  uuid NOT NULL,
    chosen_at       timestamptz NOT NULL,
    chosen_by       uuid NOT NULL,
    chosen_by_name  text NOT NULL CHECK (length(chosen_by_name) BETWEEN 1 AND 320),
    reason          text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id)
);
CREATE INDEX outcome_baseline_client ON outcome_baseline (client_id, chosen_at DESC);

-- When a clinic asks for a follow-up: after the initial phase (the recommended number of
-- sessions) and then every so many weeks. Absent: after the initial phase, then every 4 weeks.
CREATE TABLE follow_up_schedule (
    clinic_id            uuid PRIMARY KEY REFERENCES clinic (id),
    after_initial_phase  boolean NOT NULL,
    every_weeks          smallint NOT NULL CHECK (every_weeks BETWEEN 1 AND 52)
);

-- A therapist's summary of a period of care for the progress report, signed when written and
-- never changed (a new one is written instead). It is part of the client's clinical record: kept
-- on erasure as signed notes are, naming the client as signed.
CREATE TABLE progress_summary (
    clinic_id       uuid NOT NULL,
    id              uuid NOT NULL,
    client_id       uuid NOT NULL,
    period_from     date NOT NULL,
    period_to       date NOT NULL CHECK (period_to >= period_from),
    body            text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
    signed_at       timestamptz NOT NULL,
    signed_by       uuid NOT NULL,
    signer_name     text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 200),
    signer_licence  text NOT NULL CHECK (length(signer_licence) <= 210),
    client_name     text NOT NULL CHECK (length(client_name) BETWEEN 1 AND 200),
    -- The form's own key: a double click signs one summary, not two.
    request_key     text CHECK (length(request_key) <= 100),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id)
);
CREATE INDEX progress_summary_client ON progress_summary (client_id, signed_at DESC);
CREATE UNIQUE INDEX progress_summary_request_key ON progress_summary (signed_by, request_key)
    WHERE request_key IS NOT NULL;

CREATE FUNCTION progress_summary_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a signed progress summary is never changed: % refused (write a new one)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER progress_summary_no_change BEFORE UPDATE OR DELETE ON progress_summary
    FOR EACH ROW EXECUTE FUNCTION progress_summary_is_final();
CREATE TRIGGER progress_summary_no_truncate BEFORE TRUNCATE ON progress_summary
    FOR EACH STATEMENT EXECUTE FUNCTION progress_summary_is_final();
