-- The client's word on a session: how the pressure felt (overall, and on each area the signed
-- note names), soreness the next day, comfort, pain now, what helped and what to avoid (in words,
-- and as body-map areas not to treat). One per session, given by its client, changed for 7 days
-- after the session ends (the clinic's own rule).
CREATE TABLE session_feedback (
    clinic_id          uuid NOT NULL,
    id                 uuid NOT NULL,
    appointment_id     uuid NOT NULL,
    client_id          uuid NOT NULL,
    therapist_id       uuid NOT NULL,
    session_start      timestamptz NOT NULL,
    session_end        timestamptz NOT NULL,
    overall_pressure   text CHECK (overall_pressure IN ('TOO_LIGHT', 'RIGHT', 'TOO_FIRM')),
    soreness_next_day  smallint CHECK (soreness_next_day BETWEEN 0 AND 10),
    comfort            smallint CHECK (comfort BETWEEN 1 AND 5),
    pain_now           smallint CHECK (pain_now BETWEEN 0 AND 10),
    helped             text NOT NULL DEFAULT '' CHECK (length(helped) <= 1000),
    avoid              text NOT NULL DEFAULT '' CHECK (length(avoid) <= 1000),
    avoid_regions      text[] NOT NULL DEFAULT '{}' CHECK (avoid_regions <@ ARRAY['NECK', 'SHOULDER_LEFT',
                           'SHOULDER_RIGHT', 'UPPER_BACK', 'MID_BACK', 'LOWER_BACK_LEFT', 'LOWER_BACK_RIGHT',
                           'SACRUM_BUTTOCKS', 'HIP_LEFT', 'HIP_RIGHT', 'THIGH_LEFT', 'THIGH_RIGHT', 'LOWER_LEG_LEFT',
                           'LOWER_LEG_RIGHT']::text[]),
    given_at           timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (clinic_id, id),
    UNIQUE (clinic_id, appointment_id),
    FOREIGN KEY (clinic_id, appointment_id) REFERENCES appointment (clinic_id, id),
    FOREIGN KEY (clinic_id, client_id) REFERENCES client (clinic_id, id)
);
CREATE INDEX session_feedback_client ON session_feedback (client_id, session_start);

CREATE TABLE session_feedback_pressure (
    clinic_id    uuid NOT NULL,
    feedback_id  uuid NOT NULL,
    region       text NOT NULL CHECK (region IN ('NECK', 'SHOULDER_LEFT', 'SHOULDER_RIGHT', 'UPPER_BACK', 'MID_BACK',
                     'LOWER_BACK_LEFT', 'LOWER_BACK_RIGHT', 'SACRUM_BUTTOCKS', 'HIP_LEFT', 'HIP_RIGHT', 'THIGH_LEFT',
                     'THIGH_RIGHT', 'LOWER_LEG_LEFT', 'LOWER_LEG_RIGHT')),
    verdict      text NOT NULL CHECK (verdict IN ('TOO_LIGHT', 'RIGHT', 'TOO_FIRM')),
    PRIMARY KEY (clinic_id, feedback_id, region),
    FOREIGN KEY (clinic_id, feedback_id) REFERENCES session_feedback (clinic_id, id) ON DELETE CASCADE
);
