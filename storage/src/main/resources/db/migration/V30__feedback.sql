-- Feedback from one person to another (issue 9). Who may read it is its visibility, chosen by the giver:
--   private       the recipient (and the giver, who wrote it)
--   with_manager  the recipient and the manager they had when it was given (manager_id)
--   manager_only  that manager alone: feedback about a report's work, which the manager may pass on
-- HR admins read none of it: feedback is between the people it names.
CREATE TABLE feedback (
    id           bigserial   PRIMARY KEY,
    org_id       bigint      NOT NULL REFERENCES organisations (id),
    giver_id     bigint      NOT NULL,
    recipient_id bigint      NOT NULL,
    manager_id   bigint,
    visibility   text        NOT NULL CHECK (visibility IN ('private', 'with_manager', 'manager_only')),
    body         text        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    -- what made it (a Slack trigger, a Teams activity id): the same submission is stored once
    source_key   text,
    created_at   timestamptz NOT NULL,
    thanked_at   timestamptz,
    CHECK (giver_id <> recipient_id),
    CHECK (visibility = 'private' OR manager_id IS NOT NULL),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, giver_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, recipient_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, manager_id) REFERENCES people (org_id, id)
);
CREATE UNIQUE INDEX feedback_source ON feedback (org_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX feedback_recipient ON feedback (org_id, recipient_id, created_at DESC);
CREATE INDEX feedback_giver ON feedback (org_id, giver_id, created_at DESC);
CREATE INDEX feedback_manager ON feedback (org_id, manager_id, created_at DESC) WHERE manager_id IS NOT NULL;

-- The conversation under a piece of feedback: its readers reply to the giver, the giver replies back.
CREATE TABLE feedback_replies (
    org_id      bigint      NOT NULL,
    feedback_id bigint      NOT NULL,
    seq         integer     NOT NULL,
    sender_id   bigint      NOT NULL,
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (feedback_id, seq),
    FOREIGN KEY (org_id, feedback_id) REFERENCES feedback (org_id, id),
    FOREIGN KEY (org_id, sender_id) REFERENCES people (org_id, id)
);
