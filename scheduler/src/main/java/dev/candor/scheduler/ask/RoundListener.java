package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.Round;
import org.jdbi.v3.core.Handle;

/**
 * What a feature is told about its rounds, inside the engine's transaction (so whatever it queues or stores commits
 * with the answer or the closing, or not at all). The engine knows features only through this and their name.
 */
public interface RoundListener {

    /** An ask of the round was answered, or its answer changed. */
    default void answered(Handle handle, Round round, Answered answered) {}

    /** The person declined their ask, with their reason (possibly empty), instead of answering. */
    default void declined(Handle handle, Round round, long askId, long personId, String reason) {}

    /**
     * The round closed: everyone answered or was skipped, or its last deadline passed (the rest expired). A round
     * reopened for late answers ({@code Rounds.reopenLate}) closes, and is told, again.
     */
    default void closed(Handle handle, Round round, AskCounts counts) {}
}
