-- Recognition: company values, each organisation's kudos settings, who changed what (audit), and where a kudos
-- came from (a command, a form, a reaction, a message shortcut).

CREATE TABLE kudos_settings (
    org_id              bigint PRIMARY KEY REFERENCES organisations (id),
    allowance_amount    integer NOT NULL DEFAULT 5 CHECK (allowance_amount BETWEEN 1 AND 1000),
    allowance_period    text    NOT NULL DEFAULT 'day' CHECK (allowance_period IN ('day', 'week', 'month')),
    hr_admins_exempt    boolean NOT NULL DEFAULT false,
    value_required      boolean NOT NULL DEFAULT false,
    min_message_length  integer NOT NULL DEFAULT 10 CHECK (min_message_length BETWEEN 0 AND 500),
    -- the Slack channel / Teams conversation public recognition goes to; null = where it was given
    slack_kudos_channel text,
    teams_kudos_channel text,
    reaction_emoji      text    NOT NULL DEFAULT 'clap',
    -- weekly digest in the organisation's time zone: ISO day of week (1 = Monday) and local time
    digest_enabled      boolean NOT NULL DEFAULT true,
    digest_day          integer NOT NULL DEFAULT 5 CHECK (digest_day BETWEEN 1 AND 7),
    digest_time         time    NOT NULL DEFAULT '16:00',
    -- managers hear about reports who received no kudos for this many weeks
    gap_weeks           integer NOT NULL DEFAULT 6 CHECK (gap_weeks BETWEEN 1 AND 52),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE company_values (
    id          bigserial PRIMARY KEY,
    org_id      bigint      NOT NULL REFERENCES organisations (id),
    -- the tag people type after #, lower case
    tag         text        NOT NULL CHECK (tag ~ '^[[:alnum:]_-]{1,40}$' AND tag = lower(tag)),
    name        text        NOT NULL,
    emoji       text,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, tag)
);

-- Every administrative change: who, when, what, old value → new value.
CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    org_id     bigint      NOT NULL REFERENCES organisations (id),
    person_id  bigint      NOT NULL,
    action     text        NOT NULL,
    old_value  text,
    new_value  text,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
CREATE INDEX audit_log_org_time ON audit_log (org_id, created_at DESC);

ALTER TABLE kudos
    ADD COLUMN via text NOT NULL DEFAULT 'command' CHECK (via IN ('command', 'form', 'reaction', 'shortcut', 'plus_one')),
    -- the message a reaction or shortcut was about (Slack ts / Teams activity id) and a link to it
    ADD COLUMN source_message_id text,
    ADD COLUMN source_url text,
    -- a +1 joins an earlier kudos for the same people
    ADD COLUMN parent_kudos_id bigint REFERENCES kudos (id) ON DELETE CASCADE;

-- One reaction kudos per giver per message.
CREATE UNIQUE INDEX kudos_reaction_once ON kudos (org_id, giver_id, source_message_id)
    WHERE via IN ('reaction', 'plus_one');

-- Find the kudos behind one of Candor's posts when someone reacts to it.
CREATE INDEX outbox_platform_message ON outbox (org_id, platform_message_id) WHERE platform_message_id IS NOT NULL;

-- Fallback for posts to a conversation Candor can't post in on its own (Slack: a private channel it isn't in):
-- the platform's reply URL from the request that caused the post.
ALTER TABLE outbox ADD COLUMN reply_url text;
