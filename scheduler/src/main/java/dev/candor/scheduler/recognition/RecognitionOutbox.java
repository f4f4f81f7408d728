package dev.candor.scheduler.recognition;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The port through which the recognition jobs speak: the bot builds the chat messages and queues them in the outbox
 * inside the caller's transaction. A key queued before is not queued again.
 */
public interface RecognitionOutbox {

    /** Queues {@code digest} to its kudos channel with the key {@link DueDigest#key()}; false when queued before. */
    boolean queueDigest(Handle handle, DueDigest digest, WeekInReview week);

    /** Queues each nudge as a DM to its manager with the key {@link GapNudge#key()}; returns how many were new. */
    int queueGapNudges(Handle handle, List<GapNudge> nudges);
}
