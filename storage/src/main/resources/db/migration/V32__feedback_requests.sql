-- Someone asks people for feedback (issue 9): one request, one round of the asking engine (feature 'feedback',
-- subject 'request:<id>'), one ask per person asked. Its answers are named and go to the requester as they come.
CREATE TABLE feedback_requests (
    id           bigserial   PRIMARY KEY,
    org_id       bigint      NOT NULL REFERENCES organisations (id),
    requester_id bigint      NOT NULL,
    topic        text        NOT NULL CHECK (length(topic) BETWEEN 1 AND 300),
    source_key   text,
    created_at   timestamptz NOT NULL,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, requester_id) REFERENCES people (org_id, id)
);
CREATE UNIQUE INDEX feedback_requests_source ON feedback_requests (org_id, source_key) WHERE source_key IS NOT NULL;
