-- Regular sessions: a series keeps its rule (an RFC 5545 RRULE), the wall-clock time of its first
-- session and the clinic's IANA zone; every session of it is an ordinary appointment row, held by
-- the same exclusion constraints, and points back to its series.
CREATE TABLE appointment_series (
    clinic_id     uuid        NOT NULL REFERENCES clinic (id),
    id            uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    therapist_id  uuid        NOT NULL,
    service_code  text        NOT NULL,
    technique     text,
    rrule         text        NOT NULL CHECK (rrule ~ '^FREQ=WEEKLY;INTERVAL=[0-9]{1,2};(COUNT=[0-9]{1,2}|UNTIL=[0-9]{8}T[0-9]{6})$'),
    first_local   timestamp   NOT NULL,
    time_zone     text        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinic_id, id)
);

ALTER TABLE appointment ADD COLUMN series_id uuid;
ALTER TABLE appointment ADD CONSTRAINT appointment_in_series
    FOREIGN KEY (clinic_id, series_id) REFERENCES appointment_series (clinic_id, id);
CREATE INDEX appointment_by_series ON appointment (series_id, starts_at) WHERE series_id IS NOT NULL;
