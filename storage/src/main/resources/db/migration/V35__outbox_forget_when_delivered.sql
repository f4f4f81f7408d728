-- Some DMs must leave no trace once delivered: the notice that someone's anonymous message got a reply goes to its
-- author, so a row naming them as its recipient would tell whoever reads the database that they spoke up. Such rows
-- are deleted as soon as they are sent (or given up on); while pending they hold neither the thread nor any text.
ALTER TABLE outbox ADD COLUMN forget_when_delivered boolean NOT NULL DEFAULT false;

CREATE FUNCTION outbox_forget_delivered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM outbox WHERE id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_forget_delivered
    AFTER UPDATE OF status ON outbox
    FOR EACH ROW
    WHEN (NEW.forget_when_delivered AND NEW.status IN ('sent', 'failed'))
    EXECUTE FUNCTION outbox_forget_delivered();
