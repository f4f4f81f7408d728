-- Review asks that passed their deadline unanswered: when each was due (the engine's ask then carries the late
-- deadline the person was given), when the person was told and when their manager was. One row per ask: each is
-- told once and escalated once, whichever node runs the sweep.
CREATE TABLE review_late (
    org_id       bigint      NOT NULL,
    ask_id       bigint      NOT NULL,
    due_at       timestamptz NOT NULL,
    told_at      timestamptz NOT NULL,
    escalated_at timestamptz,
    PRIMARY KEY (org_id, ask_id),
    FOREIGN KEY (org_id, ask_id) REFERENCES asks (org_id, id)
);
