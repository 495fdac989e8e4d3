-- An address is confirmed before its account may sign in. Accounts opened so far were opened by an
-- admin, by invitation or by a registration that predates confirmation: confirmed as of opening.
ALTER TABLE account ADD COLUMN email_confirmed_at timestamptz;
UPDATE account SET email_confirmed_at = created_at;

-- Single-use links mailed to an account's address: confirming the address (24 hours) and resetting
-- the password (30 minutes). Only a hash of the secret is kept; a link is used by the one UPDATE that
-- sets used_at while it is unused and unexpired, so two uses can never both succeed. A
-- confirmation carries the password chosen with that registration, so the link someone else asked
-- for can never set the password of the person who confirms.
CREATE TABLE account_link (
    token_hash    text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    clinic_id     uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    purpose       text        NOT NULL CHECK (purpose IN ('CONFIRM_EMAIL', 'RESET_PASSWORD')),
    password_hash text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    FOREIGN KEY (clinic_id, account_id) REFERENCES account (clinic_id, id) ON DELETE CASCADE,
    CHECK ((purpose = 'CONFIRM_EMAIL') = (password_hash IS NOT NULL)),
    CHECK (expires_at > created_at AND expires_at <= created_at + interval '1 day')
);
CREATE INDEX account_link_account ON account_link (account_id);

-- A mailed link with a secret is kept apart from the message text, which says "%LINK%" where it goes:
-- the admins' mailbox shows the text, never the secret, and once sent to a real mail server the
-- secret is forgotten.
ALTER TABLE mail_message ADD COLUMN secret_link text CHECK (length(secret_link) <= 500);
