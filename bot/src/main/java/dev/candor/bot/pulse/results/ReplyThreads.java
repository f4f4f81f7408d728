package dev.candor.bot.pulse.results;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Where HR's replies to an anonymous comment go: the engine's conversation with the answer's author. */
@FunctionalInterface
public interface ReplyThreads {
    /** No replies (results read outside Candor's router, e.g. the benchmark). */
    ReplyThreads NONE = (handle, orgId, roundId, answerId, questionId) -> Optional.empty();

    /** The conversation about answer {@code answerId}'s question, started if need be; empty when none can be. */
    Optional<String> thread(Handle handle, long orgId, long roundId, UUID answerId, String questionId);
}
