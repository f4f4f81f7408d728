-- Files Candor serves itself under PUBLIC_URL: chart pictures that Slack's and Microsoft's servers fetch, and the
-- CSV export of a survey's results. The address holds 32 random bytes; the table keeps only their SHA-256, so a
-- reader of the database can't turn a row back into a working link. Any node serves any link; an expired one is a
-- 404 and is deleted by the pruning that follows it.
CREATE TABLE chart_links (
    token_hash   bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    org_id       bigint      NOT NULL REFERENCES organisations (id),
    content_type text        NOT NULL CHECK (content_type IN ('image/png', 'text/csv')),
    file_name    text        NOT NULL CHECK (file_name ~ '^[A-Za-z0-9._-]{1,100}$'),
    body         bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX chart_links_expiry ON chart_links (expires_at);
