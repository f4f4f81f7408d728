package dev.candor.scheduler.recognition;

import org.jdbi.v3.core.Handle;

/**
 * The port through which the recognition jobs speak: the bot builds the chat message and queues it in the outbox
 * inside the caller's transaction. Each method returns false when the key was queued before.
 */
public interface RecognitionOutbox {

    /** Queues {@code digest} to its kudos channel with the key {@link DueDigest#key()}. */
    boolean queueDigest(Handle handle, DueDigest digest, WeekInReview week);

    /** Queues {@code nudge} as a DM to the manager with the key {@link GapNudge#key()}. */
    boolean queueGapNudge(Handle handle, GapNudge nudge);
}
