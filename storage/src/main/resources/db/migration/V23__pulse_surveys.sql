-- Pulse surveys (issue 8): a configuration of the asking engine. Rounds: feature 'pulse', subject = the survey id.
-- PLACEHOLDER of helper A until the lead's V23 lands on main; the lead's file replaces it at the merge.
CREATE TABLE pulse_surveys (
    id                   bigserial PRIMARY KEY,
    org_id               bigint      NOT NULL REFERENCES organisations (id),
    name                 text        NOT NULL,
    template             text        NOT NULL CHECK (template IN ('enps', 'engagement', 'wellbeing', 'blank')),
    questionnaire_id     bigint      NOT NULL,
    anonymous            boolean     NOT NULL DEFAULT true,
    min_group            integer     NOT NULL DEFAULT 5 CHECK (min_group >= 3),
    audience             text        NOT NULL
        CHECK (audience IN ('everyone', 'departments', 'organisation', 'channel', 'people')),
    audience_departments text[]      NOT NULL DEFAULT '{}',
    audience_manager_id  bigint,
    audience_channel     text,
    audience_platform    text,
    cadence              text        NOT NULL CHECK (cadence IN ('once', 'weekly', 'biweekly', 'monthly', 'quarterly')),
    opens_on             date,
    opens_time           time        NOT NULL DEFAULT '10:00',
    day_of_week          integer     NOT NULL DEFAULT 1,
    deadline_days        integer     NOT NULL DEFAULT 5,
    reminders            boolean     NOT NULL DEFAULT true,
    state                text        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'active', 'paused', 'closed')),
    created_by           bigint      NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    launched_at          timestamptz,
    closed_at            timestamptz,
    UNIQUE (org_id, id)
);
CREATE INDEX pulse_surveys_org ON pulse_surveys (org_id);

CREATE TABLE pulse_survey_people (
    org_id    bigint NOT NULL,
    survey_id bigint NOT NULL,
    person_id bigint NOT NULL,
    PRIMARY KEY (survey_id, person_id),
    FOREIGN KEY (org_id, survey_id) REFERENCES pulse_surveys (org_id, id) ON DELETE CASCADE
);
