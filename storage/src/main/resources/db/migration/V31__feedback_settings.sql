-- Which visibilities people may choose when they give feedback (issue 9), set by HR admins with
-- /candor admin feedback; private is always allowed. No row: both on.
CREATE TABLE feedback_settings (
    org_id       bigint      PRIMARY KEY REFERENCES organisations (id),
    with_manager boolean     NOT NULL DEFAULT true,
    manager_only boolean     NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
