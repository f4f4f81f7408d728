-- The recognition-gap sweep asks, for every active report of every manager, "any kudos received since X?".
-- Answering from kudos_recipients alone (one index probe per person) instead of fetching every kudos a person ever
-- received keeps a sweep over 100,000 people within seconds. received_at is the kudos' created_at, copied by
-- trigger so that every writer (the app, imports, benchmarks, tests that back-date kudos) keeps it right.

ALTER TABLE kudos_recipients ADD COLUMN received_at timestamptz;
UPDATE kudos_recipients r SET received_at = k.created_at FROM kudos k WHERE k.id = r.kudos_id;
ALTER TABLE kudos_recipients ALTER COLUMN received_at SET NOT NULL;

CREATE FUNCTION kudos_recipients_received_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT created_at INTO NEW.received_at FROM kudos WHERE id = NEW.kudos_id;
    RETURN NEW;
END $$;
CREATE TRIGGER kudos_recipients_stamped BEFORE INSERT ON kudos_recipients
    FOR EACH ROW EXECUTE FUNCTION kudos_recipients_received_at();

CREATE FUNCTION kudos_created_at_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kudos_recipients SET received_at = NEW.created_at WHERE kudos_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER kudos_recipients_follow AFTER UPDATE OF created_at ON kudos
    FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION kudos_created_at_moved();

CREATE INDEX kudos_recipients_person_time ON kudos_recipients (org_id, person_id, received_at);
