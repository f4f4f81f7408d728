-- The asking engine (ARCHITECTURE.md §3a): versioned questionnaires, rounds that send one questionnaire version to a
-- set of people, one ask per person with its own opening time, deadline and reminders, and the answers. No feature's
-- words here: a round names its feature ('checkin', 'survey', …) and what it belongs to (its subject).

CREATE TABLE questionnaires (
    id         bigserial PRIMARY KEY,
    org_id     bigint      NOT NULL REFERENCES organisations (id),
    feature    text        NOT NULL CHECK (feature ~ '^[a-z][a-z0-9_]{0,39}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, id)
);

-- Editing a questionnaire adds a version; answers keep pointing at the one they answered. The questions are the
-- engine's typed list (scale, nps, choice, text, mood, yes_no), as JSON.
CREATE TABLE questionnaire_versions (
    org_id           bigint      NOT NULL,
    questionnaire_id bigint      NOT NULL,
    version          integer     NOT NULL CHECK (version >= 1),
    questions        jsonb       NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
    created_by       bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (questionnaire_id, version),
    FOREIGN KEY (org_id, questionnaire_id) REFERENCES questionnaires (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES people (org_id, id)
);

-- One sending of a questionnaire version. (org, feature, subject, period) is unique so that a round is opened once,
-- whichever node or request tries. The opening is a local wall-clock time, the same for everyone and moved into each
-- person's working time by the planner; NULL when the round was opened at once. The deadline is either a number of
-- working days after each person's opening or a local date and time in each person's zone.
CREATE TABLE rounds (
    id                    bigserial PRIMARY KEY,
    org_id                bigint      NOT NULL REFERENCES organisations (id),
    feature               text        NOT NULL,
    subject               text        NOT NULL,
    period                text        NOT NULL,
    questionnaire_id      bigint      NOT NULL,
    version               integer     NOT NULL,
    opens_local           timestamp,
    deadline_working_days integer CHECK (deadline_working_days BETWEEN 1 AND 60),
    due_local             timestamp,
    anonymous             boolean     NOT NULL DEFAULT false,
    -- the reminder rules, e.g. ["next_working_morning", "before_deadline:PT2H"]; each ask stores its own times
    reminder_plan         jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reminder_plan) = 'array'),
    state                 text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'cancelled')),
    -- the latest deadline of its asks: the round closes then at the latest
    closes_at             timestamptz NOT NULL,
    closed_at             timestamptz,
    created_by            bigint,
    created_at            timestamptz NOT NULL DEFAULT now(),
    CHECK ((deadline_working_days IS NULL) <> (due_local IS NULL)),
    CHECK ((state = 'open') = (closed_at IS NULL)),
    UNIQUE (org_id, feature, subject, period),
    UNIQUE (org_id, id),
    FOREIGN KEY (questionnaire_id, version) REFERENCES questionnaire_versions (questionnaire_id, version),
    FOREIGN KEY (org_id, created_by) REFERENCES people (org_id, id)
);
CREATE INDEX rounds_open ON rounds (closes_at) WHERE state = 'open';

-- One per person and round. An ask is pending until it is answered, skipped (away, unreachable, left, …) or expired
-- at its deadline; sent_at says whether its DM went out. In an anonymous round answered_at stays NULL: the row says
-- that the person answered (for reminders and one answer each), never when.
CREATE TABLE asks (
    id               bigserial PRIMARY KEY,
    org_id           bigint      NOT NULL,
    round_id         bigint      NOT NULL,
    person_id        bigint      NOT NULL,
    state            text        NOT NULL DEFAULT 'pending'
                                 CHECK (state IN ('pending', 'answered', 'skipped', 'expired')),
    skip_reason      text CHECK (skip_reason IN ('away', 'unreachable', 'left', 'after_deadline', 'declined',
                                                 'cancelled')),
    opens_at         timestamptz NOT NULL,
    sent_at          timestamptz,
    due_at           timestamptz NOT NULL,
    answered_at      timestamptz,
    -- every reminder planned for this person, in order; the next one still to send is next_reminder_at
    reminder_times   timestamptz[] NOT NULL DEFAULT '{}',
    next_reminder_at timestamptz,
    reminders_sent   integer     NOT NULL DEFAULT 0,
    CHECK ((state = 'skipped') = (skip_reason IS NOT NULL)),
    CHECK (answered_at IS NULL OR state = 'answered'),
    CHECK (next_reminder_at IS NULL OR (state = 'pending' AND sent_at IS NOT NULL)),
    UNIQUE (round_id, person_id),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, round_id) REFERENCES rounds (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
-- One index per sweep, holding only the rows that sweep may still touch.
CREATE INDEX asks_to_open ON asks (opens_at) WHERE state = 'pending' AND sent_at IS NULL;
CREATE INDEX asks_to_remind ON asks (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
CREATE INDEX asks_to_expire ON asks (due_at) WHERE state = 'pending';
-- "Anyone left to answer in this round?" for closing it early: one probe per open round.
CREATE INDEX asks_pending_round ON asks (round_id) WHERE state = 'pending';
-- A person's own asks (the feature's "answer now" command, their history).
CREATE INDEX asks_person ON asks (org_id, person_id);

-- Answers. A named answer belongs to its ask (one each, changed in place until the deadline). An anonymous answer has
-- no ask, no person and no time: its id is random, and the person finds it again only through edit_key, a keyed hash
-- of person and round under CANDOR_ENCRYPTION_KEY that the database alone can't reverse.
CREATE TABLE answers (
    id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id                bigint      NOT NULL,
    round_id              bigint      NOT NULL,
    ask_id                bigint,
    edit_key              bytea,
    questionnaire_version integer     NOT NULL,
    answer_values         jsonb       NOT NULL CHECK (jsonb_typeof(answer_values) = 'object'),
    submitted_at          timestamptz,
    CHECK ((ask_id IS NULL) <> (edit_key IS NULL)),
    CHECK ((ask_id IS NULL) = (submitted_at IS NULL)),
    FOREIGN KEY (org_id, round_id) REFERENCES rounds (org_id, id),
    FOREIGN KEY (org_id, ask_id) REFERENCES asks (org_id, id)
);
CREATE UNIQUE INDEX answers_ask ON answers (ask_id) WHERE ask_id IS NOT NULL;
CREATE UNIQUE INDEX answers_edit_key ON answers (round_id, edit_key) WHERE edit_key IS NOT NULL;
CREATE INDEX answers_round ON answers (round_id);
