-- Rounds at an agreed moment (a 1:1 both people agreed to meet at): the same instant for everyone, never moved by
-- quiet hours or working days, with a deadline that is an instant too (the next meeting's opening). opens_at is set
-- only for such rounds; a round's deadline is still exactly one of its three forms.
ALTER TABLE rounds ADD COLUMN opens_at timestamptz;
ALTER TABLE rounds ADD COLUMN due_at timestamptz;
ALTER TABLE rounds DROP CONSTRAINT rounds_check;
ALTER TABLE rounds ADD CONSTRAINT rounds_one_deadline CHECK (
    (deadline_working_days IS NOT NULL)::int + (due_local IS NOT NULL)::int + (due_at IS NOT NULL)::int = 1);

-- 1:1 meetings are the asking engine's rounds now (feature 'oneonone', one per meeting); the 1:1 sweep that read
-- this index is gone. The schedule keeps its current meeting for listing.
DROP INDEX one_on_ones_due;
ALTER TABLE one_on_ones DROP COLUMN stage;
-- Bumped by every rescheduling: a meeting's round is keyed by it, so moving a 1:1 and moving it back opens afresh.
ALTER TABLE one_on_ones ADD COLUMN revision integer NOT NULL DEFAULT 0;
