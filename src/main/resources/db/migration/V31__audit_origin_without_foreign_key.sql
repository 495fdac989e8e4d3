-- An audit entry's origin (its network address, kept apart so erasure can remove it) no longer
-- checks its event by foreign key. The check looked up audit_event once per entry, and its cached
-- plan, made while the table was small, became a sequential scan as the table grew by every audited
-- request: 50-70 ms per page of sixty entries in bench/run (the therapist's day, run 14) until the
-- next ANALYZE. What the key guarded cannot happen: audit_event is append-only (V4's triggers refuse
-- UPDATE, DELETE and TRUNCATE), and an origin is written only by the statement that writes its
-- event, from that insert's RETURNING id (audit.AuditLog.Entries).
ALTER TABLE audit_origin DROP CONSTRAINT audit_origin_event_id_fkey;
