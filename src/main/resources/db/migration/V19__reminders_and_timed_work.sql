-- Reminders: each clinic says how long before a session its clients are reminded, at most twice
-- (48 and 2 hours unless it says otherwise; an empty list turns them off), in whole hours up to a week.
ALTER TABLE clinic ADD COLUMN reminder_hours_before integer[] NOT NULL DEFAULT '{48,2}'
    CHECK (cardinality(reminder_hours_before) <= 2
           AND array_position(reminder_hours_before, NULL) IS NULL
           AND 1 <= ALL (reminder_hours_before) AND 168 >= ALL (reminder_hours_before)
           AND (cardinality(reminder_hours_before) < 2 OR reminder_hours_before[1] <> reminder_hours_before[2]));

-- A message that must go once whatever happens before it is written (a reminder whose timed job
-- may run again after a node died) carries a key; a second message with the same key is not written.
ALTER TABLE mail_message ADD COLUMN dedup_key text UNIQUE CHECK (length(dedup_key) <= 200);

-- Timed work (db-scheduler): one row per planned execution, picked by one node at a time with
-- a heartbeat; the executions of a node that stops beating are taken over by another. The
-- library's own schema for PostgreSQL.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
