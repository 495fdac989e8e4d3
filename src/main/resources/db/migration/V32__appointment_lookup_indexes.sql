-- Sessions read by client (a client's history and pages, the records a therapist's day reads ahead
-- for its clients) and by therapist over a time range (the day, the schedule) had only the
-- exclusion constraints' indexes, which hold booked sessions alone (they are partial): every other
-- such read scanned the whole table, 50-80 ms a statement once it held 400,000 sessions
-- (bench/run, run 14, after the 20,000-therapist clinic was seeded).
CREATE INDEX appointment_by_client ON appointment (client_id, starts_at);
CREATE INDEX appointment_by_therapist_time ON appointment USING gist (therapist_id, tstzrange(starts_at, ends_at));
