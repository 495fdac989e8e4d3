-- Mail that is never lost: a message is written here in the same transaction as the change that
-- causes it, and a delivery job on any node hands it to the SMTP server. A row is claimed with
-- FOR UPDATE SKIP LOCKED, so on several nodes each message is taken by one of them; it stays
-- until the server accepted it (sent_at), or until it kept failing (failed_at, shown to admins).
CREATE TABLE mail_message (
    id               uuid        PRIMARY KEY,
    clinic_id        uuid        NOT NULL REFERENCES clinic (id),
    kind             text        NOT NULL CHECK (kind ~ '^[A-Z_]{2,40}$'),
    -- The client it is for, so that their export lists it and their erasure deletes it.
    client_id        uuid,
    -- What it is about (an appointment), for the mailbox and for tests; no health data.
    about_id         uuid,
    recipient        text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320
                                                 AND recipient !~ '[[:cntrl:]]'),
    subject          text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200 AND subject !~ '[[:cntrl:]]'),
    body_text        text        NOT NULL CHECK (length(body_text) <= 20000),
    body_html        text        NOT NULL CHECK (length(body_html) <= 60000),
    calendar         text        CHECK (length(calendar) <= 60000),
    calendar_method  text        CHECK (calendar_method IN ('REQUEST', 'CANCEL')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    failed_at        timestamptz,
    last_error       text        CHECK (length(last_error) <= 500),
    CHECK ((calendar IS NULL) = (calendar_method IS NULL)),
    CHECK (sent_at IS NULL OR failed_at IS NULL)
);
CREATE INDEX mail_message_due ON mail_message (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_message_clinic ON mail_message (clinic_id, created_at DESC);
CREATE INDEX mail_message_client ON mail_message (client_id) WHERE client_id IS NOT NULL;
