-- A session the therapist (or the front desk) marks as having taken place. Only completed
-- sessions entitle a client to review their therapist.
ALTER TABLE appointment DROP CONSTRAINT appointment_status_check;
ALTER TABLE appointment ADD CONSTRAINT appointment_status_check CHECK (status IN ('BOOKED', 'CANCELLED', 'COMPLETED'));
ALTER TABLE appointment ADD COLUMN completed_at timestamptz;
ALTER TABLE appointment ADD CONSTRAINT appointment_completed_when
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL) AND (completed_at IS NULL OR completed_at >= starts_at));
CREATE INDEX appointment_completed_pair ON appointment (therapist_id, client_id) WHERE status = 'COMPLETED';

-- How a therapist describes their gender, for clients who would feel more comfortable with a woman
-- or a man. A preference in matching, never a filter.
ALTER TABLE therapist ADD COLUMN gender text NOT NULL DEFAULT 'UNDISCLOSED'
    CHECK (gender IN ('WOMAN', 'MAN', 'NONBINARY', 'UNDISCLOSED'));

-- When a certification was obtained, for the therapist's profile.
ALTER TABLE certification ADD COLUMN certified_on date;

-- One review per client and therapist, only after a completed session (checked in the
-- application against the appointment table, in the same transaction). Edits keep every
-- earlier version in review_revision; hiding keeps the review with who hid it and why.
CREATE TABLE review (
    clinic_id      uuid NOT NULL,
    id             uuid NOT NULL,
    therapist_id   uuid NOT NULL,
    client_id      uuid NOT NULL,
    listening      smallint NOT NULL CHECK (listening BETWEEN 1 AND 5),
    comfort        smallint NOT NULL CHECK (comfort BETWEEN 1 AND 5),
    effect         smallint NOT NULL CHECK (effect BETWEEN 1 AND 5),
    text           text NOT NULL DEFAULT '' CHECK (length(text) <= 2000),
    written_at     timestamptz NOT NULL,
    revision       integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    reply          text CHECK (length(reply) BETWEEN 1 AND 2000),
    replied_at     timestamptz,
    hidden_at      timestamptz,
    hidden_by      uuid,
    hidden_reason  text CHECK (length(btrim(hidden_reason)) BETWEEN 1 AND 500),
    PRIMARY KEY (clinic_id, id),
    UNIQUE (clinic_id, therapist_id, client_id),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id),
    CHECK ((reply IS NULL) = (replied_at IS NULL)),
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL) AND (hidden_at IS NULL) = (hidden_by IS NULL))
);
CREATE INDEX review_therapist ON review (therapist_id) WHERE hidden_at IS NULL;
CREATE INDEX review_id ON review (id);

CREATE TABLE review_revision (
    clinic_id   uuid NOT NULL,
    review_id   uuid NOT NULL,
    revision    integer NOT NULL,
    listening   smallint NOT NULL,
    comfort     smallint NOT NULL,
    effect      smallint NOT NULL,
    text        text NOT NULL,
    written_at  timestamptz NOT NULL,
    PRIMARY KEY (clinic_id, review_id, revision),
    FOREIGN KEY (clinic_id, review_id) REFERENCES review (clinic_id, id) ON DELETE CASCADE
);

-- How a client found the clinic: a fact for the clinic's own report, set once by the client or
-- the front desk.
ALTER TABLE client ADD COLUMN found_via text CHECK (found_via IN ('FRIEND', 'DOCTOR_OR_PHYSIO', 'SEARCH', 'OTHER'));
ALTER TABLE client ADD COLUMN referrer text CHECK (length(referrer) <= 200);
