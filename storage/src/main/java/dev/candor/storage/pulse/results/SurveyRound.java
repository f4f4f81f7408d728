package dev.candor.storage.pulse.results;

import java.time.Instant;

/** One round of a survey with its asks: how many people were asked and how many answered. */
public record SurveyRound(
        long roundId,
        String period,
        boolean anonymous,
        long questionnaireId,
        int version,
        Instant createdAt,
        int asks,
        int answered) {}
