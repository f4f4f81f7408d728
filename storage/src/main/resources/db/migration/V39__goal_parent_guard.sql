-- A goal contributes to another, never to itself or to one of its own key results (at any depth): checked for every
-- insert and every change of parent_id, whatever changes it.
CREATE FUNCTION goal_parent_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NULL THEN
        RETURN NEW;
    END IF;
    IF NEW.parent_id = NEW.id OR EXISTS (
        WITH RECURSIVE up (id, parent_id, depth) AS (
            SELECT id, parent_id, 1 FROM goals WHERE org_id = NEW.org_id AND id = NEW.parent_id
            UNION ALL
            SELECT g.id, g.parent_id, up.depth + 1
            FROM goals g JOIN up ON g.org_id = NEW.org_id AND g.id = up.parent_id
            WHERE up.depth < 100
        )
        SELECT 1 FROM up WHERE up.id = NEW.id
    ) THEN
        RAISE EXCEPTION 'a goal cannot contribute to itself or to one of its own key results'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER goals_parent_guard
    BEFORE INSERT OR UPDATE OF parent_id ON goals
    FOR EACH ROW EXECUTE FUNCTION goal_parent_guard();
