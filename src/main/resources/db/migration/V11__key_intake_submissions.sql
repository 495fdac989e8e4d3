-- A double click or a resubmitted page stores one intake: the form carries a key of its own, and
-- the same person submitting the same key again gets the intake the first submission stored.
ALTER TABLE intake ADD COLUMN request_key text CHECK (length(request_key) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX intake_request_key ON intake (submitted_by, request_key) WHERE request_key IS NOT NULL;
