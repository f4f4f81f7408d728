-- Which Teams team a channel belongs to (Teams names it in channelData.team of every activity from the channel): a
-- check-in asking "the members of this channel" asks the members of its team, whose roster V15 keeps. A standard
-- channel has its team's members; the General channel's id is the team's id.
CREATE TABLE team_channels (
    org_id     bigint      NOT NULL,
    channel_id text        NOT NULL,
    team_id    text        NOT NULL,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, channel_id),
    FOREIGN KEY (org_id, team_id) REFERENCES team_rosters (org_id, team_id) ON DELETE CASCADE
);
