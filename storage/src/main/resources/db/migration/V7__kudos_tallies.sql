-- Kudos counted per person, calendar period and value, so that leaderboards and /kudos me read a handful of rows
-- instead of aggregating every kudos an organisation ever gave. KudosService keeps the tallies in the same
-- transaction as the kudos itself (KudosTallyDao.count when one is stored, uncount before a reaction is taken back).

CREATE TABLE kudos_tallies (
    org_id       bigint  NOT NULL,
    person_id    bigint  NOT NULL,
    -- calendar periods in the organisation's time zone; weeks start on Monday; 'all' starts on 1970-01-01
    period_kind  text    NOT NULL CHECK (period_kind IN ('week', 'month', 'quarter', 'year', 'all')),
    period_start date    NOT NULL,
    -- a company value tag, or '' for every kudos
    tag          text    NOT NULL,
    received     integer NOT NULL DEFAULT 0,
    -- one per recipient, the way the allowance counts
    given        integer NOT NULL DEFAULT 0,
    -- person first: /kudos me reads one person's rows. No foreign key to people: these are counts derived from
    -- kudos that already reference their people, people are deactivated rather than deleted, and a rebuild writes
    -- millions of rows that a per-row key check would slow down several times.
    PRIMARY KEY (org_id, person_id, period_kind, period_start, tag)
);

-- Leaderboards read one period's top rows in order and stop after a dozen.
CREATE INDEX kudos_tallies_top_received ON kudos_tallies (org_id, period_kind, period_start, tag, received DESC)
    WHERE received > 0;
CREATE INDEX kudos_tallies_top_given ON kudos_tallies (org_id, period_kind, period_start, tag, given DESC)
    WHERE given > 0;

-- /kudos me counts what a person received since the start of their own day, week or month (their time zone, so not
-- the tallies') and shows the latest five: both are ranges of one index when each recipient row carries the time of
-- its kudos. A trigger copies it, so that every way of adding recipients keeps it right.
ALTER TABLE kudos_recipients ADD COLUMN created_at timestamptz;
UPDATE kudos_recipients r SET created_at = k.created_at FROM kudos k WHERE k.id = r.kudos_id;
ALTER TABLE kudos_recipients ALTER COLUMN created_at SET NOT NULL;

CREATE FUNCTION kudos_recipients_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.created_at IS NULL THEN
        SELECT created_at INTO NEW.created_at FROM kudos WHERE id = NEW.kudos_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER kudos_recipients_created_at BEFORE INSERT ON kudos_recipients
    FOR EACH ROW EXECUTE FUNCTION kudos_recipients_created_at();

-- Replaces the (org_id, person_id) index, which this one covers.
CREATE INDEX kudos_recipients_person_time ON kudos_recipients (org_id, person_id, created_at DESC);
DROP INDEX kudos_recipients_person;
