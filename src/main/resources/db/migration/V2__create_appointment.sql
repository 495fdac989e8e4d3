CREATE TABLE appointment (
    clinic_id            uuid NOT NULL,
    id                   uuid NOT NULL,
    therapist_id         uuid NOT NULL,
    client_id            uuid NOT NULL,
    service_code         text NOT NULL,
    technique            text CHECK (technique IN ('SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE')),
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL,
    -- End of the cleanup buffer: the therapist is busy until then.
    blocked_until        timestamptz NOT NULL,
    status               text NOT NULL DEFAULT 'BOOKED' CHECK (status IN ('BOOKED', 'CANCELLED')),
    cancelled_at         timestamptz,
    cancellation_reason  text CHECK (length(cancellation_reason) <= 500),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id),
    FOREIGN KEY (clinic_id, service_code) REFERENCES service_type (clinic_id, code),
    CHECK (ends_at > starts_at AND blocked_until >= ends_at),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancellation_reason IS NOT NULL)),
    -- The guarantee BackCare is built on: a therapist's active sessions, buffers included, never
    -- overlap, whatever the load. Application checks only explain refusals; this one decides.
    CONSTRAINT appointment_therapist_no_overlap EXCLUDE USING gist (
        clinic_id WITH =, therapist_id WITH =, tstzrange(starts_at, blocked_until) WITH &&)
        WHERE (status = 'BOOKED'),
    -- A client cannot be on two tables at once (the therapist's cleanup is not the client's time).
    CONSTRAINT appointment_client_no_overlap EXCLUDE USING gist (
        clinic_id WITH =, client_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status = 'BOOKED')
);
CREATE INDEX appointment_id ON appointment (id);

-- A retried booking with the same Idempotency-Key returns the appointment the first attempt made.
CREATE TABLE idempotency_key (
    clinic_id            uuid NOT NULL REFERENCES clinic (id),
    key                  text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_fingerprint  text NOT NULL,
    appointment_id       uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinic_id, key)
);
