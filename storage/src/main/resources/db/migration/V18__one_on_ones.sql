-- Recurring 1:1s between a manager and a report. The meeting is a wall-clock time in the manager's zone (stored with
-- the schedule so that a later zone change doesn't move meetings silently). Each schedule carries its current
-- occurrence and what the sweep does next for it (remind before, ask for notes after), at next_event_at: one
-- partial index serves the sweep, whatever the number of 1:1s.
CREATE TABLE one_on_ones (
    id            bigserial PRIMARY KEY,
    org_id        bigint      NOT NULL REFERENCES organisations (id),
    manager_id    bigint      NOT NULL,
    report_id     bigint      NOT NULL,
    every_weeks   integer     NOT NULL CHECK (every_weeks IN (1, 2, 4)),
    weekday       integer     NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    local_time    time        NOT NULL,
    zone          text        NOT NULL,
    -- the current meeting, local to zone
    occurrence    timestamp   NOT NULL,
    stage         text        NOT NULL CHECK (stage IN ('remind', 'notes')),
    next_event_at timestamptz NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    cancelled_at  timestamptz,
    CHECK (manager_id <> report_id),
    CHECK (active = (cancelled_at IS NULL)),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, manager_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, report_id) REFERENCES people (org_id, id)
);
CREATE UNIQUE INDEX one_on_ones_pair ON one_on_ones (org_id, manager_id, report_id) WHERE active;
CREATE INDEX one_on_ones_due ON one_on_ones (next_event_at) WHERE active;
CREATE INDEX one_on_ones_report ON one_on_ones (org_id, report_id) WHERE active;

-- The agenda: talking points (for the next meeting, done once it has taken place) and action items (from a meeting's
-- notes, with an owner of the two, open until someone presses Done: they roll over to every agenda until then).
CREATE TABLE one_on_one_items (
    id            bigserial PRIMARY KEY,
    org_id        bigint      NOT NULL,
    one_on_one_id bigint      NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('point', 'action')),
    text          text        NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    owner_id      bigint,
    added_by      bigint      NOT NULL,
    -- an action item's meeting (its notes); NULL for talking points
    occurrence    timestamp,
    created_at    timestamptz NOT NULL DEFAULT now(),
    done_at       timestamptz,
    done_by       bigint,
    CHECK ((kind = 'action') = (owner_id IS NOT NULL AND occurrence IS NOT NULL)),
    CHECK ((done_at IS NULL) OR kind = 'point' OR done_by IS NOT NULL),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, one_on_one_id) REFERENCES one_on_ones (org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, added_by) REFERENCES people (org_id, id)
);
CREATE INDEX one_on_one_items_open ON one_on_one_items (one_on_one_id) WHERE done_at IS NULL;

-- Each person's notes of a meeting; sending the form again replaces them (and their action items of that meeting).
CREATE TABLE one_on_one_notes (
    org_id        bigint      NOT NULL,
    one_on_one_id bigint      NOT NULL,
    occurrence    timestamp   NOT NULL,
    author_id     bigint      NOT NULL,
    notes         text        NOT NULL,
    submitted_at  timestamptz NOT NULL,
    PRIMARY KEY (one_on_one_id, occurrence, author_id),
    FOREIGN KEY (org_id, one_on_one_id) REFERENCES one_on_ones (org_id, id),
    FOREIGN KEY (org_id, author_id) REFERENCES people (org_id, id)
);
