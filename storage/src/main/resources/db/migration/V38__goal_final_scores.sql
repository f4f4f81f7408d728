-- Closing a cycle asks each owner for a final score (0–100 %) and a one-line retrospective of each goal.
ALTER TABLE goals ADD COLUMN final_score integer CHECK (final_score BETWEEN 0 AND 100);
ALTER TABLE goals ADD COLUMN retrospective text CHECK (length(retrospective) <= 300);
ALTER TABLE goals ADD COLUMN scored_at timestamptz;
