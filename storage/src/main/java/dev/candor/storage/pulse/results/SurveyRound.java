package dev.candor.storage.pulse.results;

import java.time.Instant;

/** One round of a survey. */
public record SurveyRound(
        long roundId, String period, boolean anonymous, long questionnaireId, int version, Instant createdAt) {}
