-- Candor's first schema: organisations, people and how to reach them, kudos, the outbox and event dedupe.
-- Every domain table carries org_id; every timestamp is timestamptz (UTC).

CREATE TABLE organisations (
    id              bigserial PRIMARY KEY,
    name            text        NOT NULL,
    slack_team_id   text UNIQUE,
    teams_tenant_id text UNIQUE,
    -- Teams proactive sends need the Bot Connector endpoint of the tenant's region.
    teams_service_url text,
    timezone        text        NOT NULL DEFAULT 'UTC',
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (slack_team_id IS NOT NULL OR teams_tenant_id IS NOT NULL)
);

CREATE TABLE people (
    id          bigserial PRIMARY KEY,
    org_id      bigint      NOT NULL REFERENCES organisations (id),
    name        text        NOT NULL,
    email       text,
    timezone    text        NOT NULL DEFAULT 'UTC',
    locale      text        NOT NULL DEFAULT 'en',
    manager_id  bigint REFERENCES people (id),
    department  text,
    role        text        NOT NULL DEFAULT 'employee' CHECK (role IN ('employee', 'manager', 'hr_admin')),
    is_bot      boolean     NOT NULL DEFAULT false,
    active      boolean     NOT NULL DEFAULT true,
    -- false until the platform profile (users.info, Teams member) has been read
    profile_synced boolean  NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, id)
);
CREATE UNIQUE INDEX people_org_email ON people (org_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX people_manager ON people (org_id, manager_id) WHERE manager_id IS NOT NULL;

CREATE TABLE platform_identities (
    org_id           bigint NOT NULL,
    person_id        bigint NOT NULL,
    platform         text   NOT NULL CHECK (platform IN ('slack', 'teams')),
    -- Slack: U…/W… user id. Teams: the Bot Framework id (29:…), or the AAD object id until the person writes.
    platform_user_id text   NOT NULL,
    aad_object_id    text,
    PRIMARY KEY (org_id, platform, platform_user_id),
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
CREATE INDEX platform_identities_person ON platform_identities (person_id);
CREATE UNIQUE INDEX platform_identities_aad ON platform_identities (org_id, aad_object_id)
    WHERE aad_object_id IS NOT NULL;

-- Where the bot can speak: a Slack channel or DM, a Teams conversation with its ConversationReference.
CREATE TABLE conversation_refs (
    org_id          bigint      NOT NULL REFERENCES organisations (id),
    platform        text        NOT NULL CHECK (platform IN ('slack', 'teams')),
    conversation_id text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('dm', 'channel', 'private_channel', 'group')),
    -- for a DM: the person it is with
    person_id       bigint,
    reference       jsonb       NOT NULL DEFAULT '{}',
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, platform, conversation_id)
);
CREATE INDEX conversation_refs_dm ON conversation_refs (org_id, platform, person_id) WHERE kind = 'dm';

CREATE TABLE kudos (
    id              bigserial PRIMARY KEY,
    org_id          bigint      NOT NULL REFERENCES organisations (id),
    giver_id        bigint      NOT NULL,
    message         text        NOT NULL,
    platform        text        NOT NULL CHECK (platform IN ('slack', 'teams')),
    conversation_id text,
    -- what made it (a Slack trigger, a Teams activity id): the same submission is stored once
    source_key      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, giver_id) REFERENCES people (org_id, id),
    UNIQUE (org_id, id)
);
CREATE UNIQUE INDEX kudos_source ON kudos (org_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX kudos_org_time ON kudos (org_id, created_at);
CREATE INDEX kudos_giver_time ON kudos (org_id, giver_id, created_at);

CREATE TABLE kudos_recipients (
    kudos_id  bigint NOT NULL,
    org_id    bigint NOT NULL,
    person_id bigint NOT NULL,
    PRIMARY KEY (kudos_id, person_id),
    FOREIGN KEY (org_id, kudos_id) REFERENCES kudos (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
CREATE INDEX kudos_recipients_person ON kudos_recipients (org_id, person_id);

CREATE TABLE kudos_values (
    kudos_id bigint NOT NULL,
    org_id   bigint NOT NULL,
    tag      text   NOT NULL,
    PRIMARY KEY (kudos_id, tag),
    FOREIGN KEY (org_id, kudos_id) REFERENCES kudos (org_id, id) ON DELETE CASCADE
);
CREATE INDEX kudos_values_tag ON kudos_values (org_id, tag);

-- Everything the bot sends on its own goes through here. The idempotency key makes a duplicate impossible;
-- delivery workers on any node claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox (
    id                  bigserial PRIMARY KEY,
    org_id              bigint      NOT NULL REFERENCES organisations (id),
    idempotency_key     text        NOT NULL,
    platform            text        NOT NULL CHECK (platform IN ('slack', 'teams')),
    target_kind         text        NOT NULL CHECK (target_kind IN ('user', 'conversation')),
    target              text        NOT NULL,
    payload             jsonb       NOT NULL,
    status              text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    claimed_until       timestamptz,
    claimed_by          text,
    last_error          text,
    platform_message_id text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    UNIQUE (org_id, idempotency_key)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_claimed ON outbox (claimed_until) WHERE status = 'sending';

-- Wake delivery workers on every node as soon as something is queued.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('candor_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- The next free send slot per pacing key (a Slack channel, a Teams conversation or tenant), shared by all nodes.
CREATE TABLE delivery_pacing (
    pace_key     text PRIMARY KEY,
    next_slot_at timestamptz NOT NULL
);

-- Inbound events already handled (Slack retries the same event_id up to three times).
CREATE TABLE processed_events (
    platform    text        NOT NULL,
    event_id    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (platform, event_id)
);
CREATE INDEX processed_events_time ON processed_events (received_at);
