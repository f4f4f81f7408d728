package dev.candor.storage.ask;

import java.time.Instant;
import java.util.UUID;

/**
 * An answer as stored. A named one has its {@code askId} and {@code submittedAt}; an anonymous one has neither.
 *
 * @param valuesJson the answer per question id, as JSON
 */
public record StoredAnswer(
        UUID id,
        long orgId,
        long roundId,
        Long askId,
        int questionnaireVersion,
        String valuesJson,
        Instant submittedAt) {}
