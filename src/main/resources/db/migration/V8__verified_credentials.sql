-- Credentials are checked before they count: a licence or certification recorded by the front
-- desk starts unverified; an admin who has seen the document verifies it (who, when, which
-- document). Only a verified, unexpired licence lets a therapist be booked for a day; only a
-- verified, unexpired certification lets them be booked for (and matched on) a technique.
ALTER TABLE licence ADD COLUMN document_ref text CHECK (length(document_ref) <= 200);
ALTER TABLE licence ADD COLUMN verified_by text CHECK (length(verified_by) BETWEEN 1 AND 320);
ALTER TABLE licence ADD COLUMN verified_at timestamptz;
ALTER TABLE licence ADD CONSTRAINT licence_verified_together CHECK ((verified_by IS NULL) = (verified_at IS NULL));

ALTER TABLE certification ADD COLUMN valid_until date;
ALTER TABLE certification ADD COLUMN document_ref text CHECK (length(document_ref) <= 200);
ALTER TABLE certification ADD COLUMN verified_by text CHECK (length(verified_by) BETWEEN 1 AND 320);
ALTER TABLE certification ADD COLUMN verified_at timestamptz;
ALTER TABLE certification ADD CONSTRAINT certification_verified_together CHECK ((verified_by IS NULL) = (verified_at IS NULL));
ALTER TABLE certification ADD CONSTRAINT certification_dates CHECK (valid_until IS NULL OR certified_on IS NULL OR valid_until >= certified_on);

-- What was recorded before verification existed was entered by the clinic when the therapist
-- joined; it counts as verified then.
UPDATE licence SET verified_by = 'recorded at registration', verified_at = now();
UPDATE certification SET verified_by = 'recorded at registration', verified_at = now();
