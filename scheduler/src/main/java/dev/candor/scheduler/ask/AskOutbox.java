package dev.candor.scheduler.ask;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The port through which the sweeps speak: the bot builds each ask's DM from its round's feature and queues it in
 * the outbox, inside the caller's transaction, under {@link DueAsk#key()}. A key queued before is not queued again.
 */
public interface AskOutbox {

    /** Queues each ask's DM (or reminder, for {@code reminder() > 0}); returns how many were new. */
    int queue(Handle handle, List<DueAsk> due);
}
