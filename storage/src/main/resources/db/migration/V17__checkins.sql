-- Check-ins: a manager's (or HR's) recurring questions to a team, as a configuration of the asking engine (V13).
-- The engine knows nothing of this table; a check-in's rounds are the engine's rounds with feature 'checkin' and
-- subject 'checkin:{id}', and its questions are an engine questionnaire.

CREATE TABLE checkins (
    id               bigserial PRIMARY KEY,
    org_id           bigint      NOT NULL REFERENCES organisations (id),
    owner_id         bigint      NOT NULL,
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    -- who is asked: the owner's direct reports (directory), the members of a channel, or picked people
    audience         text        NOT NULL CHECK (audience IN ('reports', 'channel', 'people')),
    audience_channel text,
    cadence          text        NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
    -- ISO day of week, 1 = Monday; monthly: the first such weekday of the month
    weekday          smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    local_time       time        NOT NULL DEFAULT '14:00',
    deadline_days    integer     NOT NULL DEFAULT 2 CHECK (deadline_days BETWEEN 1 AND 10),
    questionnaire_id bigint      NOT NULL,
    -- also posted to this channel as a stand-up; NULL = privately to the owner only
    standup_channel  text,
    -- every-two-weeks counts its weeks from the week of this day
    starts_on        date        NOT NULL DEFAULT current_date,
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((audience = 'channel') = (audience_channel IS NOT NULL)),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, questionnaire_id) REFERENCES questionnaires (org_id, id)
);
CREATE INDEX checkins_owner ON checkins (org_id, owner_id);
CREATE INDEX checkins_active ON checkins (id) WHERE active;

-- Picked people of a check-in (audience 'people').
CREATE TABLE checkin_members (
    org_id     bigint NOT NULL,
    checkin_id bigint NOT NULL,
    person_id  bigint NOT NULL,
    PRIMARY KEY (checkin_id, person_id),
    FOREIGN KEY (org_id, checkin_id) REFERENCES checkins (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);

-- The owner's replies to a person's check-in (the digest's Reply button); shown in the person's history.
CREATE TABLE checkin_replies (
    id         bigserial PRIMARY KEY,
    org_id     bigint      NOT NULL,
    round_id   bigint      NOT NULL,
    person_id  bigint      NOT NULL,
    author_id  bigint      NOT NULL,
    reply      text        NOT NULL CHECK (length(reply) BETWEEN 1 AND 3000),
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, round_id) REFERENCES rounds (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, author_id) REFERENCES people (org_id, id)
);
CREATE INDEX checkin_replies_person ON checkin_replies (org_id, person_id, round_id);

-- Whether HR admins may read check-in answers in this organisation (off unless HR switches it on).
CREATE TABLE checkin_settings (
    org_id      bigint      PRIMARY KEY REFERENCES organisations (id),
    hr_can_read boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
