-- Improvement plans (PIPs): a manager's (or HR's) plan for one employee, with its goals and their success measures,
-- the days it runs and its check-in days. Only the employee, their manager and HR admins may read one; the handlers
-- check that, and every query here is scoped by org_id.
CREATE TABLE improvement_plans (
    id               bigserial   PRIMARY KEY,
    org_id           bigint      NOT NULL REFERENCES organisations (id),
    employee_id      bigint      NOT NULL,
    created_by       bigint      NOT NULL,
    starts_on        date        NOT NULL,
    ends_on          date        NOT NULL CHECK (ends_on > starts_on),
    state            text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'completed', 'ended')),
    acknowledged_at  timestamptz,
    -- the end day the outcome was last asked for: extending the plan moves ends_on and so asks again at the new end
    outcome_asked_on date,
    created_at       timestamptz NOT NULL,
    closed_at        timestamptz,
    source_key       text,
    CHECK ((state = 'open') = (closed_at IS NULL)),
    CHECK (employee_id <> created_by),
    UNIQUE (org_id, id),
    UNIQUE (org_id, source_key),
    FOREIGN KEY (org_id, employee_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES people (org_id, id)
);
CREATE INDEX improvement_plans_employee ON improvement_plans (org_id, employee_id);
CREATE INDEX improvement_plans_open_end ON improvement_plans (ends_on) WHERE state = 'open';

-- What the employee is to achieve, each with how success is measured, in the order the form had them.
CREATE TABLE improvement_plan_goals (
    org_id   bigint  NOT NULL,
    plan_id  bigint  NOT NULL,
    position integer NOT NULL CHECK (position BETWEEN 1 AND 10),
    goal     text    NOT NULL CHECK (length(goal) BETWEEN 1 AND 500),
    measure  text    NOT NULL CHECK (length(measure) BETWEEN 1 AND 500),
    PRIMARY KEY (org_id, plan_id, position),
    FOREIGN KEY (org_id, plan_id) REFERENCES improvement_plans (org_id, id)
);

-- The check-in days, and when the sweep reminded the manager before one and asked for notes after it: each step is
-- claimed here (set once, in the transaction that queues its DM), so any number of nodes do it once.
CREATE TABLE improvement_plan_checkins (
    org_id         bigint      NOT NULL,
    plan_id        bigint      NOT NULL,
    on_date        date        NOT NULL,
    reminded_at    timestamptz,
    notes_asked_at timestamptz,
    PRIMARY KEY (org_id, plan_id, on_date),
    FOREIGN KEY (org_id, plan_id) REFERENCES improvement_plans (org_id, id)
);
CREATE INDEX improvement_plan_checkins_day ON improvement_plan_checkins (on_date);

-- Everything that happened to a plan, with who and when: created, acknowledged by the employee, a comment (anyone
-- of the three), a manager's follow-up note (of a check-in day, or none before the first), an outcome. Comments and
-- notes are private text: never logged, shown only to the people who may read the plan.
CREATE TABLE improvement_plan_events (
    id         bigserial   PRIMARY KEY,
    org_id     bigint      NOT NULL,
    plan_id    bigint      NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('created', 'acknowledged', 'comment', 'note', 'outcome')),
    person_id  bigint      NOT NULL,
    at         timestamptz NOT NULL,
    body       text        CHECK (length(body) BETWEEN 1 AND 3000),
    checkin_on date,
    outcome    text        CHECK (outcome IN ('completed', 'extended', 'ended')),
    -- the new end day of an extended plan
    ends_on    date,
    source_key text,
    CHECK ((kind IN ('comment', 'note')) = (body IS NOT NULL)),
    CHECK ((kind = 'outcome') = (outcome IS NOT NULL)),
    CHECK ((outcome = 'extended') = (ends_on IS NOT NULL)),
    UNIQUE (org_id, source_key),
    FOREIGN KEY (org_id, plan_id) REFERENCES improvement_plans (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
CREATE INDEX improvement_plan_events_plan ON improvement_plan_events (org_id, plan_id, id);
