-- Every table carries clinic_id in its key so that the schema can later be distributed by clinic
-- (all of one clinic's rows together) without changing any constraint.

-- btree_gist lets one exclusion constraint combine "same therapist" (=) with "overlapping time" (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE clinic (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    address     text NOT NULL CHECK (length(address) <= 500),
    -- An IANA zone id; all local rules (working hours, licence dates) are evaluated in it.
    time_zone   text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE service_type (
    clinic_id        uuid NOT NULL REFERENCES clinic (id),
    code             text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480 AND duration_minutes % 15 = 0),
    -- Cleanup time after the session during which the therapist cannot start another one.
    buffer_minutes   integer NOT NULL CHECK (buffer_minutes BETWEEN 0 AND 120),
    PRIMARY KEY (clinic_id, code)
);

CREATE TABLE therapist (
    clinic_id        uuid NOT NULL REFERENCES clinic (id),
    id               uuid NOT NULL,
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    bio              text NOT NULL DEFAULT '' CHECK (length(bio) <= 4000),
    -- BCP 47 language tags, e.g. {en, de}
    languages        text[] NOT NULL DEFAULT '{}',
    years_back_pain  integer NOT NULL CHECK (years_back_pain BETWEEN 0 AND 70),
    PRIMARY KEY (clinic_id, id)
);
CREATE INDEX therapist_id ON therapist (id);

CREATE TABLE licence (
    clinic_id     uuid NOT NULL,
    therapist_id  uuid NOT NULL,
    jurisdiction  text NOT NULL CHECK (length(btrim(jurisdiction)) BETWEEN 1 AND 100),
    number        text NOT NULL CHECK (length(btrim(number)) BETWEEN 1 AND 100),
    valid_from    date NOT NULL,
    valid_until   date NOT NULL,
    PRIMARY KEY (clinic_id, therapist_id, jurisdiction, number),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id) ON DELETE CASCADE,
    CHECK (valid_until >= valid_from)
);

CREATE TABLE certification (
    clinic_id     uuid NOT NULL,
    therapist_id  uuid NOT NULL,
    technique     text NOT NULL CHECK (technique IN ('SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE')),
    PRIMARY KEY (clinic_id, therapist_id, technique),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id) ON DELETE CASCADE
);

-- Weekly hours in the clinic's local time; several intervals a day, never overlapping each other.
CREATE TABLE working_hours (
    clinic_id     uuid NOT NULL,
    therapist_id  uuid NOT NULL,
    day_of_week   smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7), -- ISO: 1 = Monday
    starts        time NOT NULL CHECK (extract(minute FROM starts)::int % 15 = 0 AND extract(second FROM starts) = 0),
    ends          time NOT NULL CHECK (extract(minute FROM ends)::int % 15 = 0 AND extract(second FROM ends) = 0),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id) ON DELETE CASCADE,
    CHECK (ends > starts),
    CONSTRAINT working_hours_no_overlap EXCLUDE USING gist (
        clinic_id WITH =, therapist_id WITH =, day_of_week WITH =,
        tsrange(DATE '2000-01-01' + starts, DATE '2000-01-01' + ends) WITH &&)
);

CREATE TABLE time_off (
    clinic_id     uuid NOT NULL,
    therapist_id  uuid NOT NULL,
    id            uuid NOT NULL,
    period        tstzrange NOT NULL CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
    reason        text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id) ON DELETE CASCADE
);
CREATE INDEX time_off_period ON time_off USING gist (clinic_id, therapist_id, period);

CREATE TABLE client (
    clinic_id      uuid NOT NULL REFERENCES clinic (id),
    id             uuid NOT NULL,
    name           text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email          text NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND position('@' IN email) > 1),
    phone          text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    date_of_birth  date NOT NULL CHECK (date_of_birth >= DATE '1900-01-01'),
    PRIMARY KEY (clinic_id, id)
);
CREATE INDEX client_id ON client (id);
CREATE UNIQUE INDEX client_email ON client (clinic_id, lower(email));
