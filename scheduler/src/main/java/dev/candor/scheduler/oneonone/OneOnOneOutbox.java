package dev.candor.scheduler.oneonone;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The port through which the 1:1 sweep speaks: the bot builds the chat messages and queues them in the outbox inside
 * the caller's transaction, each with {@link MeetingMessage#key()}; returns how many were new.
 */
public interface OneOnOneOutbox {
    int queue(Handle handle, List<MeetingMessage> messages);
}
