-- The waitlist: a client's wish for a session at times not free now, and the offers made
-- to the first waiting clients when such time frees up.

CREATE TABLE waitlist_request (
    id             uuid PRIMARY KEY,
    clinic_id      uuid NOT NULL,
    client_id      uuid NOT NULL,
    service_code   text NOT NULL CHECK (length(service_code) BETWEEN 1 AND 40),
    -- Either may be null: "any therapist", "any technique".
    therapist_id   uuid,
    technique      text,
    first_day      date NOT NULL,
    last_day       date NOT NULL,
    created_at     timestamptz NOT NULL,
    status         text NOT NULL DEFAULT 'WAITING'
                   CHECK (status IN ('WAITING', 'BOOKED', 'WITHDRAWN', 'ENDED')),
    appointment_id uuid,
    ended_at       timestamptz,
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id),
    CHECK (first_day <= last_day),
    CHECK ((status = 'WAITING') = (ended_at IS NULL)),
    CHECK ((status = 'BOOKED') = (appointment_id IS NOT NULL))
);
-- Waiting clients in the order they asked: who is offered first.
CREATE INDEX waitlist_request_waiting ON waitlist_request (clinic_id, created_at, id) WHERE status = 'WAITING';
CREATE INDEX waitlist_request_client ON waitlist_request (client_id);

-- When the client can come: on these weekdays (ISO: 1 Monday … 7 Sunday), a session
-- starting and ending between these clinic-local times.
CREATE TABLE waitlist_window (
    request_id  uuid NOT NULL REFERENCES waitlist_request (id) ON DELETE CASCADE,
    weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    from_time   time NOT NULL,
    to_time     time NOT NULL,
    CHECK (from_time < to_time),
    PRIMARY KEY (request_id, weekday, from_time, to_time)
);

-- Time that became free for a therapist (a cancellation, a move, new hours). Offered
-- from ready_at on: at once for a client's own change, after a short settling delay for
-- the front desk's edits (each further edit of the therapist pushes it on).
CREATE TABLE waitlist_opening (
    id            uuid PRIMARY KEY,
    clinic_id     uuid NOT NULL,
    therapist_id  uuid NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    freed_by      text NOT NULL CHECK (freed_by IN ('CANCELLATION', 'MOVE', 'HOURS')),
    created_at    timestamptz NOT NULL,
    ready_at      timestamptz NOT NULL,
    -- Set when the opening may have someone new to offer to: it is new, one of its
    -- offers ended, or a client joined the waitlist.
    needs_offers  boolean NOT NULL DEFAULT true,
    closed_at     timestamptz,
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id),
    CHECK (starts_at < ends_at)
);
CREATE INDEX waitlist_opening_due ON waitlist_opening (ready_at) WHERE closed_at IS NULL AND needs_offers;
CREATE INDEX waitlist_opening_therapist ON waitlist_opening (therapist_id) WHERE closed_at IS NULL;

-- One start time offered to one waiting client for one opening.
CREATE TABLE waitlist_offer (
    id              uuid PRIMARY KEY,
    opening_id      uuid NOT NULL REFERENCES waitlist_opening (id) ON DELETE CASCADE,
    request_id      uuid NOT NULL REFERENCES waitlist_request (id) ON DELETE CASCADE,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    offered_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'OPEN'
                    CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'GONE', 'WITHDRAWN')),
    answered_at     timestamptz,
    appointment_id  uuid,
    -- Each waiting client is offered an opening at most once ...
    UNIQUE (opening_id, request_id),
    CHECK (starts_at < ends_at),
    CHECK (offered_at < expires_at),
    CHECK ((status = 'OPEN') = (answered_at IS NULL)),
    CHECK ((status = 'ACCEPTED') = (appointment_id IS NOT NULL))
);
-- ... and holds at most one open offer at a time, whatever the openings.
CREATE UNIQUE INDEX waitlist_offer_one_open_per_request ON waitlist_offer (request_id) WHERE status = 'OPEN';
CREATE INDEX waitlist_offer_open ON waitlist_offer (expires_at) WHERE status = 'OPEN';
CREATE INDEX waitlist_offer_opening ON waitlist_offer (opening_id);
