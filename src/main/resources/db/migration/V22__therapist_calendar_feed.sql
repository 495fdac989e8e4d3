-- A therapist's private calendar feed: a secret address their own calendar app subscribes to, with
-- their sessions to come, without client names or health details. Only a hash of the secret is
-- kept; a new address replaces the old one at once, and stopping the feed deletes it.
CREATE TABLE calendar_feed (
    therapist_id uuid        PRIMARY KEY,
    clinic_id    uuid        NOT NULL,
    token_hash   text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_read_at timestamptz,
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id) ON DELETE CASCADE
);
