-- Which visibilities people may choose when they give feedback (issue 9), and whether they may ask for feedback
-- anonymously, set by HR admins with /candor admin feedback; private is always allowed. No row: all on.
CREATE TABLE feedback_settings (
    org_id       bigint      PRIMARY KEY REFERENCES organisations (id),
    with_manager boolean     NOT NULL DEFAULT true,
    manager_only boolean     NOT NULL DEFAULT true,
    anonymous_requests boolean NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
