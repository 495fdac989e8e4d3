-- An intake: the client's answers, verbatim, and the assessment made from them when submitted.
-- The assessment is stored, not recomputed, so a later change of the care rules never rewrites
-- what a client was told; rules_version says which rules made it. The columns beside the JSON
-- are what booking and lists need without parsing it.
CREATE TABLE intake (
    clinic_id              uuid NOT NULL,
    id                     uuid NOT NULL,
    client_id              uuid NOT NULL,
    submitted_at           timestamptz NOT NULL,
    submitted_by           uuid NOT NULL,
    answers                jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
    assessment             jsonb NOT NULL CHECK (jsonb_typeof(assessment) = 'object'),
    rules_version          text NOT NULL CHECK (length(rules_version) BETWEEN 1 AND 100),
    referral               text NOT NULL CHECK (referral IN ('NONE', 'SEE_DOCTOR', 'URGENT')),
    caution                boolean NOT NULL,
    restricted_techniques  text[] NOT NULL DEFAULT '{}'
        CHECK (restricted_techniques <@ ARRAY['SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE']),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id)
);
CREATE INDEX intake_client ON intake (client_id, submitted_at DESC);
CREATE INDEX intake_id ON intake (id);

-- One row per instrument answered in an intake: raw answers, score and version, so outcomes can
-- compare like with like over time. Ranges are each instrument's own.
CREATE TABLE instrument_response (
    clinic_id    uuid NOT NULL,
    intake_id    uuid NOT NULL,
    client_id    uuid NOT NULL,
    instrument   text NOT NULL CHECK (instrument IN ('STARTBACK', 'ODI', 'NPRS')),
    version      text NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    raw_answers  jsonb NOT NULL,
    score        numeric(5, 2) NOT NULL,
    subscale     numeric(5, 2),
    category     text NOT NULL,
    PRIMARY KEY (clinic_id, intake_id, instrument),
    FOREIGN KEY (clinic_id, intake_id) REFERENCES intake (clinic_id, id) ON DELETE CASCADE,
    CHECK (CASE instrument
        WHEN 'STARTBACK' THEN score BETWEEN 0 AND 9 AND subscale BETWEEN 0 AND 5 AND category IN ('LOW', 'MEDIUM', 'HIGH')
        WHEN 'ODI' THEN score BETWEEN 0 AND 100 AND category IN ('MINIMAL', 'MODERATE', 'SEVERE', 'CRIPPLED', 'BED_BOUND')
        WHEN 'NPRS' THEN score BETWEEN 0 AND 10 AND score = trunc(score)
    END)
);
CREATE INDEX instrument_response_client ON instrument_response (client_id, instrument);

-- A doctor's all-clear after a referral, recorded by the clinic. At most one per intake: a new
-- intake with red flags needs a new clearance.
CREATE TABLE medical_clearance (
    clinic_id         uuid NOT NULL,
    intake_id         uuid NOT NULL,
    recorded_at       timestamptz NOT NULL,
    recorded_by       uuid NOT NULL,
    recorded_by_name  text NOT NULL CHECK (length(recorded_by_name) BETWEEN 1 AND 320),
    cleared_by        text NOT NULL CHECK (length(btrim(cleared_by)) BETWEEN 1 AND 200),
    cleared_on        date NOT NULL,
    note              text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    PRIMARY KEY (clinic_id, intake_id),
    FOREIGN KEY (clinic_id, intake_id) REFERENCES intake (clinic_id, id) ON DELETE CASCADE
);

-- A therapist's or admin's change to the recommended care, with their reason. Kept, never
-- replaced: the latest one is in force.
CREATE TABLE recommendation_override (
    clinic_id                uuid NOT NULL,
    id                       uuid NOT NULL,
    intake_id                uuid NOT NULL,
    recorded_at              timestamptz NOT NULL,
    recorded_by              uuid NOT NULL,
    recorded_by_name         text NOT NULL CHECK (length(recorded_by_name) BETWEEN 1 AND 320),
    techniques               text[] NOT NULL CHECK (cardinality(techniques) BETWEEN 1 AND 4
        AND techniques <@ ARRAY['SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE']),
    initial_sessions         integer NOT NULL CHECK (initial_sessions BETWEEN 1 AND 52),
    every_days               integer NOT NULL CHECK (every_days BETWEEN 1 AND 60),
    maintenance_every_weeks  integer CHECK (maintenance_every_weeks BETWEEN 1 AND 52),
    note                     text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 2000),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, intake_id) REFERENCES intake (clinic_id, id) ON DELETE CASCADE
);
CREATE INDEX recommendation_override_intake ON recommendation_override (intake_id, recorded_at);
