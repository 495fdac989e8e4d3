-- The first free slots across a clinic look at therapists in the order their working day
-- begins, a page at a time (Therapists.byStartOfWork): this index hands them out in that
-- order, so a page costs the same for 20 therapists or 20,000 (bench/run, availability (b)).
CREATE INDEX working_hours_by_start ON working_hours (clinic_id, day_of_week, starts, therapist_id);
