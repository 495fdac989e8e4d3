-- Who can sign in, in which role, and which client or therapist record they are.
CREATE TABLE account (
    clinic_id      uuid NOT NULL REFERENCES clinic (id),
    id             uuid NOT NULL,
    email          text NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND position('@' IN email) > 1),
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('CLIENT', 'THERAPIST', 'ADMIN')),
    client_id      uuid,
    therapist_id   uuid,
    enabled        boolean NOT NULL DEFAULT true,
    -- Part of every bearer token; raising it (logout, disabling) revokes all tokens issued before.
    token_version  integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id),
    FOREIGN KEY (clinic_id, therapist_id) REFERENCES therapist (clinic_id, id),
    -- A client account is a client record; a therapist account is a therapist record.
    CHECK ((role = 'CLIENT') = (client_id IS NOT NULL)),
    CHECK ((role = 'THERAPIST') = (therapist_id IS NOT NULL))
);
-- Sign-in is by e-mail alone, so an address belongs to one account across all clinics.
CREATE UNIQUE INDEX account_email ON account (lower(email));
CREATE INDEX account_id ON account (id);
CREATE UNIQUE INDEX account_client ON account (clinic_id, client_id) WHERE client_id IS NOT NULL;
