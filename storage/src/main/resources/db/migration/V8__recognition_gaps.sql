-- The recognition-gap sweep asks, for every active report of every manager, "any kudos received since X?", and
-- answers from kudos_recipients alone: one probe per person on kudos_recipients_person_time (V7). V7 stamps each
-- recipient row with its kudos' created_at on insert; this keeps the copy right when a kudos' time is changed
-- afterwards (corrections, back-dated imports, tests), so every reader of the copy sees what the kudos says.

CREATE FUNCTION kudos_created_at_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kudos_recipients SET created_at = NEW.created_at WHERE kudos_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER kudos_recipients_follow AFTER UPDATE OF created_at ON kudos
    FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION kudos_created_at_moved();
