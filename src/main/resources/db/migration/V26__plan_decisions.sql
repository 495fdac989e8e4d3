-- What the therapist decided about the proposal for a session: accepted, edited (with their own
-- plan, which the others may carry too) or rejected, always with a reason, under the rules' version and with the proposal as it was
-- shown. Kept: a later decision is another row, the latest in force.
CREATE TABLE plan_decision (
    clinic_id       uuid NOT NULL,
    id              uuid NOT NULL,
    appointment_id  uuid NOT NULL,
    client_id       uuid NOT NULL,
    decision        text NOT NULL CHECK (decision IN ('ACCEPTED', 'EDITED', 'REJECTED')),
    reason          text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    plan            text NOT NULL DEFAULT '' CHECK (length(plan) <= 2000),
    proposal        text NOT NULL CHECK (length(proposal) <= 8000),
    rules_version   text NOT NULL CHECK (length(rules_version) <= 60),
    decided_by      uuid NOT NULL,
    decided_at      timestamptz NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, appointment_id) REFERENCES appointment (clinic_id, id),
    CHECK (decision <> 'EDITED' OR length(btrim(plan)) > 0)
);
CREATE INDEX plan_decision_appointment ON plan_decision (appointment_id, decided_at);
CREATE INDEX plan_decision_client ON plan_decision (client_id, decided_at);
