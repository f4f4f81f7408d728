-- Where people are, for survey breakdowns (issue 8): both optional, from the people CSV.
ALTER TABLE people ADD COLUMN location text;
ALTER TABLE people ADD COLUMN start_date date;

-- The answerer's breakdown groups when they answered, e.g. {"department":"Sales","manager":12,"tenure":"1-2y",
-- "location":"Berlin"}: only for rounds whose feature breaks answers down, and only as far as at least that feature's
-- minimum group of the round's people share the stored combination, so that even someone reading this table can't
-- narrow an anonymous answer to fewer people. A key left out was not kept.
ALTER TABLE answers ADD COLUMN cell jsonb CHECK (cell IS NULL OR jsonb_typeof(cell) = 'object');
