-- Review cycles: HR's cycle (who takes part, the period it covers) and its phases, each with its dates and its
-- questionnaire (the asking engine's). The engine's rounds of a phase are the feature 'review' with the subject
-- '<cycle id>:<phase>'; who answered what stays in the engine's asks and answers.
CREATE TABLE review_cycles (
    id                   bigserial   PRIMARY KEY,
    org_id               bigint      NOT NULL REFERENCES organisations (id),
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    audience             text        NOT NULL CHECK (audience IN ('everyone', 'departments', 'organisation')),
    audience_departments text[]      NOT NULL DEFAULT '{}',
    audience_manager_id  bigint,
    -- people who joined after this day (people.start_date) are left out
    joined_by            date,
    period_from          date        NOT NULL,
    period_to            date        NOT NULL CHECK (period_to >= period_from),
    state                text        NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'closed')),
    created_by           bigint      NOT NULL,
    created_at           timestamptz NOT NULL,
    closed_at            timestamptz,
    source_key           text,
    UNIQUE (org_id, id),
    UNIQUE (org_id, source_key),
    FOREIGN KEY (org_id, created_by) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, audience_manager_id) REFERENCES people (org_id, id)
);

CREATE UNIQUE INDEX review_cycles_name ON review_cycles (org_id, lower(name));

CREATE TABLE review_phases (
    org_id           bigint NOT NULL,
    cycle_id         bigint NOT NULL,
    kind             text   NOT NULL CHECK (kind IN ('self', 'manager')),
    opens_on         date   NOT NULL,
    due_on           date   NOT NULL CHECK (due_on >= opens_on),
    questionnaire_id bigint NOT NULL,
    PRIMARY KEY (org_id, cycle_id, kind),
    FOREIGN KEY (org_id, cycle_id) REFERENCES review_cycles (org_id, id),
    FOREIGN KEY (org_id, questionnaire_id) REFERENCES questionnaires (org_id, id)
);
