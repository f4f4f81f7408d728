-- What a person typed into an ask's form and closed without sending (a long review answer): the form opens with it
-- again, and sending the answer removes it. One draft per ask; only named asks have drafts (an anonymous answer
-- never waits linked to its author).
CREATE TABLE ask_drafts (
    org_id      bigint      NOT NULL,
    ask_id      bigint      NOT NULL,
    draft       jsonb       NOT NULL,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, ask_id),
    FOREIGN KEY (org_id, ask_id) REFERENCES asks (org_id, id) ON DELETE CASCADE
);
