-- Goals and OKRs: each belongs to a cycle (a quarter unless HR sets others), has one or more owners, a measure
-- (percent, a number from a start to a target, or done / not done), a status and a visibility, and may contribute to
-- a parent goal (an objective's key results are its children). Every update is kept as history.
CREATE TABLE goal_cycles (
    id         bigserial   PRIMARY KEY,
    org_id     bigint      NOT NULL REFERENCES organisations (id),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    starts_on  date        NOT NULL,
    ends_on    date        NOT NULL,
    closed_at  timestamptz,
    CHECK (ends_on >= starts_on),
    UNIQUE (org_id, id),
    UNIQUE (org_id, starts_on)
);

CREATE TABLE goals (
    id            bigserial   PRIMARY KEY,
    org_id        bigint      NOT NULL REFERENCES organisations (id),
    cycle_id      bigint      NOT NULL,
    parent_id     bigint,
    title         text        NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
    description   text        CHECK (length(description) <= 2000),
    measure       text        NOT NULL CHECK (measure IN ('percent', 'number', 'done')),
    start_value   numeric     NOT NULL DEFAULT 0,
    target_value  numeric     NOT NULL DEFAULT 100,
    unit          text        CHECK (length(unit) <= 40),
    current_value numeric     NOT NULL DEFAULT 0,
    status        text        NOT NULL DEFAULT 'on_track'
                              CHECK (status IN ('on_track', 'at_risk', 'off_track', 'done')),
    visibility    text        NOT NULL DEFAULT 'everyone' CHECK (visibility IN ('everyone', 'team', 'private')),
    due_on        date,
    created_by    bigint      NOT NULL,
    source_key    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CHECK (measure <> 'number' OR target_value <> start_value),
    CHECK (parent_id IS NULL OR parent_id <> id),
    UNIQUE (org_id, id),
    UNIQUE (org_id, source_key),
    FOREIGN KEY (org_id, cycle_id) REFERENCES goal_cycles (org_id, id),
    FOREIGN KEY (org_id, parent_id) REFERENCES goals (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES people (org_id, id)
);
CREATE INDEX goals_cycle ON goals (org_id, cycle_id);
CREATE INDEX goals_parent ON goals (org_id, parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE goal_owners (
    org_id    bigint NOT NULL,
    goal_id   bigint NOT NULL,
    person_id bigint NOT NULL,
    PRIMARY KEY (goal_id, person_id),
    FOREIGN KEY (org_id, goal_id) REFERENCES goals (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
CREATE INDEX goal_owners_person ON goal_owners (org_id, person_id);

CREATE TABLE goal_updates (
    id         bigserial   PRIMARY KEY,
    org_id     bigint      NOT NULL,
    goal_id    bigint      NOT NULL,
    person_id  bigint      NOT NULL,
    old_value  numeric     NOT NULL,
    new_value  numeric     NOT NULL,
    old_status text        NOT NULL,
    new_status text        NOT NULL,
    comment    text        CHECK (length(comment) <= 1000),
    source_key text        NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (org_id, source_key),
    FOREIGN KEY (org_id, goal_id) REFERENCES goals (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
CREATE INDEX goal_updates_goal ON goal_updates (org_id, goal_id, created_at DESC);

-- Whether manager is person's manager, or their manager's manager, any number of levels up (20 at most, so that a
-- loop in the directory ends).
CREATE FUNCTION manages_up_the_line(org bigint, manager bigint, person bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up (id, depth) AS (
        SELECT manager_id, 1 FROM people WHERE org_id = org AND id = person
        UNION ALL
        SELECT p.manager_id, up.depth + 1 FROM people p JOIN up ON p.id = up.id
        WHERE p.org_id = org AND up.depth < 20)
    SELECT EXISTS (SELECT 1 FROM up WHERE id = manager)
$$;

-- Whether viewer may see the goal: everyone may see an 'everyone' goal; its owners and their direct managers may see
-- any; a 'team' goal is also seen by the owners' teammates (same manager), their reports and managers up their line.
CREATE FUNCTION goal_readable(goal bigint, viewer bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT g.visibility = 'everyone' OR EXISTS (
        SELECT 1 FROM goal_owners o
        JOIN people p ON p.id = o.person_id
        JOIN people v ON v.id = viewer AND v.org_id = g.org_id
        WHERE o.goal_id = g.id
          AND (o.person_id = viewer OR p.manager_id = viewer
               OR (g.visibility = 'team'
                   AND (v.manager_id = o.person_id OR v.manager_id = p.manager_id
                        OR manages_up_the_line(g.org_id, viewer, o.person_id)))))
    FROM goals g WHERE g.id = goal
$$;
