-- Loading a therapist reads their hours and certifications by therapist; the exclusion
-- constraint's GiST index on working_hours answers that only slowly (found by bench/run:
-- loading 2,000 therapists at once).
CREATE INDEX working_hours_therapist ON working_hours (clinic_id, therapist_id);
CREATE INDEX licence_therapist ON licence (therapist_id);
CREATE INDEX certification_technique ON certification (clinic_id, technique, therapist_id);
