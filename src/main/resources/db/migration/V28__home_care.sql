-- Home care: the client's self-care plan between sessions, the reminders they chose, and the log of
-- what they did. A plan is written by a therapist (or the front desk) and never changed: a change is
-- a new version, so what the client was asked to do on any day stays readable. Items are named by
-- their catalogue key ('walk', 'heat'), the same in every version, so the log and the reminders
-- follow an item across versions.
CREATE TABLE home_plan (
    clinic_id        uuid NOT NULL,
    id               uuid NOT NULL,
    client_id        uuid NOT NULL,
    version          integer NOT NULL CHECK (version >= 1),
    written_at       timestamptz NOT NULL,
    written_by       uuid NOT NULL,
    written_by_name  text NOT NULL CHECK (length(written_by_name) BETWEEN 1 AND 320),
    note             text NOT NULL CHECK (length(note) <= 1000),
    -- The form's own key: a double click writes one version, not two.
    request_key      text CHECK (length(request_key) <= 100),
    PRIMARY KEY (clinic_id, id),
    UNIQUE (client_id, version),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id)
);
CREATE UNIQUE INDEX home_plan_request_key ON home_plan (written_by, request_key) WHERE request_key IS NOT NULL;

CREATE TABLE home_plan_item (
    clinic_id      uuid NOT NULL,
    plan_id        uuid NOT NULL,
    item           text NOT NULL CHECK (item ~ '^[a-z][a-z-]{0,39}$'),
    position       smallint NOT NULL CHECK (position BETWEEN 0 AND 50),
    kind           text NOT NULL CHECK (kind IN ('POSTURE', 'MOVEMENT_BREAK', 'EXERCISE', 'HEAT', 'COLD', 'STRESS', 'WEIGHT')),
    title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    instruction    text NOT NULL CHECK (length(btrim(instruction)) BETWEEN 1 AND 500),
    -- How often: so many times a day (every day), or on so many days a week.
    times_per_day  smallint CHECK (times_per_day BETWEEN 1 AND 12),
    days_per_week  smallint CHECK (days_per_week BETWEEN 1 AND 7),
    minutes        smallint CHECK (minutes BETWEEN 1 AND 120),
    -- What the client was told to keep them safe, as it was when the version was written.
    safety         text NOT NULL CHECK (length(safety) <= 2000),
    PRIMARY KEY (clinic_id, plan_id, item),
    FOREIGN KEY (clinic_id, plan_id) REFERENCES home_plan (clinic_id, id) ON DELETE CASCADE,
    CHECK ((times_per_day IS NULL) <> (days_per_week IS NULL)),
    -- Cold always 10-15 minutes, heat at most 20 (Nadler et al., Pain Physician 2004).
    CHECK (kind <> 'COLD' OR minutes BETWEEN 10 AND 15),
    CHECK (kind <> 'HEAT' OR minutes BETWEEN 10 AND 20)
);

-- What the client did: done or not, per item per day, in the client's own zone. Entries are
-- kept; the day's latest for an item is what counts (a client may correct a tap).
CREATE TABLE home_log (
    clinic_id    uuid NOT NULL,
    id           uuid NOT NULL,
    client_id    uuid NOT NULL,
    item         text NOT NULL CHECK (item ~ '^[a-z][a-z-]{0,39}$'),
    day          date NOT NULL,
    done         boolean NOT NULL,
    pain         smallint CHECK (pain BETWEEN 0 AND 10),
    difficulty   text CHECK (difficulty IN ('EASY', 'OK', 'HARD')),
    reason       text CHECK (reason IN ('NO_TIME', 'IT_HURT', 'UNCLEAR', 'NO_EQUIPMENT', 'OTHER')),
    logged_at    timestamptz NOT NULL,
    logged_by    uuid NOT NULL,
    request_key  text CHECK (length(request_key) <= 100),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id),
    -- Not done says why; done says how hard, never why not.
    CHECK (done = (reason IS NULL)),
    CHECK (done OR difficulty IS NULL)
);
CREATE INDEX home_log_client_day ON home_log (client_id, day, logged_at);
CREATE UNIQUE INDEX home_log_request_key ON home_log (client_id, request_key) WHERE request_key IS NOT NULL;

CREATE FUNCTION home_care_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is never changed: % refused (write a new version or entry)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- Deleting stays possible: erasure removes the client's plan and log.
CREATE TRIGGER home_plan_no_update BEFORE UPDATE ON home_plan
    FOR EACH ROW EXECUTE FUNCTION home_care_is_kept();
CREATE TRIGGER home_plan_item_no_update BEFORE UPDATE ON home_plan_item
    FOR EACH ROW EXECUTE FUNCTION home_care_is_kept();
CREATE TRIGGER home_log_no_update BEFORE UPDATE ON home_log
    FOR EACH ROW EXECUTE FUNCTION home_care_is_kept();

-- The client's reminder settings: their zone, quiet hours, a pause, and when reminders were last
-- switched on or resumed (the nudge's clock starts there at the latest).
CREATE TABLE home_reminder_setting (
    clinic_id       uuid NOT NULL,
    client_id       uuid PRIMARY KEY,
    zone            text NOT NULL CHECK (length(zone) BETWEEN 1 AND 60),
    quiet_from      time CHECK (quiet_from = date_trunc('minute', quiet_from)),
    quiet_until     time CHECK (quiet_until = date_trunc('minute', quiet_until)),
    paused_at       timestamptz,
    since           date NOT NULL,
    last_nudged_on  date,
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id),
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL) AND (quiet_from IS NULL OR quiet_from <> quiet_until))
);

-- A reminder: an item, at a local time, on some days of the week (bit 0 Monday ... bit 6 Sunday).
CREATE TABLE home_reminder (
    client_id  uuid NOT NULL REFERENCES home_reminder_setting (client_id) ON DELETE CASCADE,
    item       text NOT NULL CHECK (item ~ '^[a-z][a-z-]{0,39}$'),
    at         time NOT NULL CHECK (at = date_trunc('minute', at)),
    days       smallint NOT NULL CHECK (days BETWEEN 1 AND 127),
    PRIMARY KEY (client_id, item, at)
);

-- The local days whose reminders are planned as timed jobs: each (client, day) is planned by one
-- transaction, however many nodes plan.
CREATE TABLE home_reminder_day (
    client_id  uuid NOT NULL,
    day        date NOT NULL,
    PRIMARY KEY (client_id, day)
);

-- A clinic's home-care rule: after how many days without a log the gentler nudge goes. Absent: 3.
CREATE TABLE home_care_setting (
    clinic_id         uuid PRIMARY KEY REFERENCES clinic (id),
    nudge_after_days  smallint NOT NULL CHECK (nudge_after_days BETWEEN 1 AND 14)
);
