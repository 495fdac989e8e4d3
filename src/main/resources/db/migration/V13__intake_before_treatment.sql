-- Intake before treatment (the clinic's own rule, on unless the clinic turns it off): a client
-- without a current intake may book only a first consultation.
ALTER TABLE clinic ADD COLUMN intake_before_treatment boolean NOT NULL DEFAULT true;

-- A treatment the front desk booked without a current intake, and why. Written in the booking's
-- own transaction; one per appointment; never changed afterwards (an erasure blanks the reason).
CREATE TABLE intake_waiver (
    clinic_id       uuid        NOT NULL,
    appointment_id  uuid        NOT NULL,
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    waived_by       uuid        NOT NULL,
    waived_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinic_id, appointment_id),
    FOREIGN KEY (clinic_id, appointment_id) REFERENCES appointment (clinic_id, id)
);
