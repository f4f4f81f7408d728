-- Company goals (the roots of /goals company), an objective's progress set by hand instead of its key results'
-- average, and the organisation's goal settings: who may add company goals and when a goal is stale.
ALTER TABLE goals ADD COLUMN company boolean NOT NULL DEFAULT false;
ALTER TABLE goals ADD COLUMN progress_by_hand boolean NOT NULL DEFAULT false;
CREATE INDEX goals_company ON goals (org_id, cycle_id) WHERE company;

CREATE TABLE goal_settings (
    org_id           bigint  PRIMARY KEY REFERENCES organisations (id),
    company_by_anyone boolean NOT NULL DEFAULT false,
    stale_days       integer NOT NULL DEFAULT 14 CHECK (stale_days BETWEEN 1 AND 90)
);

-- A goal's own progress from 0 to 100, as Goal.ownProgress() computes it, for the roll-up of key results.
CREATE FUNCTION goal_progress(measure text, start_value numeric, target_value numeric, current_value numeric)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT least(100, greatest(0, CASE measure
        WHEN 'percent' THEN current_value
        WHEN 'done' THEN CASE WHEN current_value > 0 THEN 100 ELSE 0 END
        ELSE round((current_value - start_value) * 100 / nullif(target_value - start_value, 0))
    END))
$$;

-- The due-day reminders' sweep reads unfinished goals by due day.
CREATE INDEX goals_due ON goals (due_on) WHERE status <> 'done' AND due_on IS NOT NULL;
