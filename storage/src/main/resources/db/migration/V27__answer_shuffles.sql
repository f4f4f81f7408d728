-- An anonymous answer is written in the same transaction that marks its ask answered (or locks it, for a change), so
-- until the round's answers are rewritten together their transaction stamps would match. They are rewritten when the
-- round closes and, while it is open, every quarter of an hour when some were written since: shuffled says which
-- were, and the partial index finds them.
ALTER TABLE answers ADD COLUMN shuffled boolean NOT NULL DEFAULT false;
CREATE INDEX answers_unshuffled ON answers (round_id) WHERE edit_key IS NOT NULL AND NOT shuffled;
ALTER TABLE rounds ADD COLUMN shuffled_at timestamptz;
