-- Reaching people who never wrote to Candor (issue 7, "proactive messages that really reach people").

-- The Teams teams Candor was added to. Teams lets a bot open a 1:1 chat with a member of a team it is installed in,
-- by the member's Teams id; Candor reads the team's members when it is added (and when a team it is in speaks to it
-- before its members were read), and follows members joining and leaving.
--   read_at  when the whole member list was last read; NULL until the first read finished
CREATE TABLE team_rosters (
    org_id      bigint      NOT NULL REFERENCES organisations (id),
    team_id     text        NOT NULL,
    team_name   text,
    service_url text        NOT NULL,
    read_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, team_id)
);

-- One row per member and team. seen_at is when the member was last listed (or reported joining): a full read deletes
-- the members it no longer lists. The email links people imported without a Teams id.
CREATE TABLE team_members (
    org_id        bigint      NOT NULL,
    team_id       text        NOT NULL,
    aad_object_id text        NOT NULL,
    teams_user_id text        NOT NULL,
    name          text,
    email         text,
    seen_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, team_id, aad_object_id),
    FOREIGN KEY (org_id, team_id) REFERENCES team_rosters (org_id, team_id) ON DELETE CASCADE
);
CREATE INDEX team_members_aad ON team_members (org_id, aad_object_id);
CREATE INDEX team_members_user ON team_members (org_id, teams_user_id);
CREATE INDEX team_members_email ON team_members (org_id, lower(email)) WHERE email IS NOT NULL;

-- A DM is also found by the platform account it is with (a Slack user id), which the outbox addresses DMs to, even
-- for someone Candor has no person for.
ALTER TABLE conversation_refs ADD COLUMN platform_user_id text;
CREATE INDEX conversation_refs_dm_user ON conversation_refs (org_id, platform, platform_user_id)
    WHERE kind = 'dm' AND platform_user_id IS NOT NULL;

-- The accounts a platform refused to open a 1:1 chat with, and why (Slack conversations.open: user_not_found,
-- user_disabled, …; Teams: the app is not installed for them). Cleared once a chat opens. Reachability reads it, so
-- that features list such people to their owner instead of dropping them.
CREATE TABLE reach_failures (
    org_id           bigint      NOT NULL REFERENCES organisations (id),
    platform         text        NOT NULL CHECK (platform IN ('slack', 'teams')),
    platform_user_id text        NOT NULL,
    reason           text        NOT NULL,
    failed_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, platform, platform_user_id)
);
