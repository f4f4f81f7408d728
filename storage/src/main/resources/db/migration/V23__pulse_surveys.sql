-- Pulse surveys (issue 8): HR's questionnaires sent to an audience once or on a cadence. Each sending is an asking
-- engine round of feature 'pulse' whose subject is the survey's id; its questions are an engine questionnaire.
CREATE TABLE pulse_surveys (
    id                   bigserial   PRIMARY KEY,
    org_id               bigint      NOT NULL REFERENCES organisations (id),
    name                 text        NOT NULL,
    template             text        NOT NULL CHECK (template IN ('enps', 'engagement', 'wellbeing', 'blank')),
    questionnaire_id     bigint      NOT NULL REFERENCES questionnaires (id),
    anonymous            boolean     NOT NULL DEFAULT true,
    -- no result, breakdown or comment of a group with fewer answers is shown to anyone
    min_group            integer     NOT NULL DEFAULT 5 CHECK (min_group >= 3),
    audience             text        NOT NULL
                                     CHECK (audience IN ('everyone', 'departments', 'organisation', 'channel', 'people')),
    audience_departments text[]      NOT NULL DEFAULT '{}',
    -- 'organisation': everyone under this person, at any depth
    audience_manager_id  bigint,
    audience_channel     text,
    audience_platform    text CHECK (audience_platform IN ('slack', 'teams')),
    cadence              text        NOT NULL CHECK (cadence IN ('once', 'weekly', 'biweekly', 'monthly', 'quarterly')),
    -- once: its day (NULL: at launch); recurring: the first day a round may open
    opens_on             date,
    -- the local time rounds open in each person's zone
    opens_time           time        NOT NULL DEFAULT '10:00',
    -- ISO day of week (1 = Monday): weekly and every two weeks on it, monthly and quarterly on its first in the period
    day_of_week          integer     NOT NULL DEFAULT 1 CHECK (day_of_week BETWEEN 1 AND 7),
    deadline_days        integer     NOT NULL DEFAULT 5 CHECK (deadline_days BETWEEN 1 AND 30),
    reminders            boolean     NOT NULL DEFAULT true,
    state                text        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'active', 'paused', 'closed')),
    created_by           bigint      NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    launched_at          timestamptz,
    closed_at            timestamptz,
    CHECK (audience <> 'organisation' OR audience_manager_id IS NOT NULL),
    CHECK (audience <> 'channel' OR (audience_channel IS NOT NULL AND audience_platform IS NOT NULL)),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, audience_manager_id) REFERENCES people (org_id, id)
);
CREATE INDEX pulse_surveys_org ON pulse_surveys (org_id, state);

-- The people a survey with audience 'people' asks.
CREATE TABLE pulse_survey_people (
    org_id    bigint NOT NULL,
    survey_id bigint NOT NULL,
    person_id bigint NOT NULL,
    PRIMARY KEY (survey_id, person_id),
    FOREIGN KEY (org_id, survey_id) REFERENCES pulse_surveys (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
