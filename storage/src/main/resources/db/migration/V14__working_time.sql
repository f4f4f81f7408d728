-- When people may be asked things (the asking engine's time rules): the organisation's quiet hours and working days,
-- where each person's time zone came from, and whether they are away.

-- Nobody is asked between quiet_from and quiet_until (the next morning when quiet_from is later) in their own zone,
-- nor on a day that isn't a working day; such asks wait for quiet_until on the next working day.
ALTER TABLE organisations
    ADD COLUMN quiet_from   time       NOT NULL DEFAULT '20:00',
    ADD COLUMN quiet_until  time       NOT NULL DEFAULT '08:00',
    -- ISO days of the week (1 = Monday … 7 = Sunday), ascending, at least one
    ADD COLUMN working_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
    ADD CONSTRAINT organisations_quiet_hours CHECK (quiet_from <> quiet_until),
    ADD CONSTRAINT organisations_working_days
        CHECK (cardinality(working_days) BETWEEN 1 AND 7 AND working_days <@ '{1,2,3,4,5,6,7}'::smallint[]);

-- people.timezone stays what recognition uses (the zone chat or the directory told Candor last). The asking engine
-- takes the platform's zone first, then the directory's, then the organisation's: it needs to know which is which.
ALTER TABLE people
    -- from the platform: Slack users.info / user_change, Teams clientInfo
    ADD COLUMN profile_timezone   text,
    -- from the people import's timezone column
    ADD COLUMN directory_timezone text,
    -- /candor away until DATE: the last day the person is away (inclusive); null when not
    ADD COLUMN away_until         date,
    -- the person's Slack status says they are away (🌴, 🤒, "vacation", "out of office", …)
    ADD COLUMN status_away        boolean NOT NULL DEFAULT false,
    -- when that status expires; null: until the status changes
    ADD COLUMN status_away_until  timestamptz;

-- Which source an existing zone came from was not recorded: a person whose platform profile was read most likely has
-- it from there; anyone else from the directory, the lower-ranked source, so that the platform's zone wins once known.
-- 'UTC' was also the default for "unknown": such people now get the organisation's zone.
UPDATE people SET profile_timezone = timezone WHERE profile_synced AND timezone <> 'UTC';
UPDATE people SET directory_timezone = timezone WHERE NOT profile_synced AND timezone <> 'UTC';
