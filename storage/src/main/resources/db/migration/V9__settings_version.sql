-- A stamp that changes whenever an organisation's recognition settings or company values change, so that every node
-- can keep them in memory and check they are current with one small read of the organisation's row. From a sequence,
-- not a counter, so that a stamp is never reused, not even by an organisation created after another was deleted.
CREATE SEQUENCE settings_versions;

ALTER TABLE organisations ADD COLUMN settings_version bigint NOT NULL DEFAULT nextval('settings_versions');

CREATE FUNCTION bump_settings_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET settings_version = nextval('settings_versions')
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END;
    RETURN NULL;
END
$$;

CREATE TRIGGER kudos_settings_version AFTER INSERT OR UPDATE OR DELETE ON kudos_settings
    FOR EACH ROW EXECUTE FUNCTION bump_settings_version();
CREATE TRIGGER company_values_version AFTER INSERT OR UPDATE OR DELETE ON company_values
    FOR EACH ROW EXECUTE FUNCTION bump_settings_version();
