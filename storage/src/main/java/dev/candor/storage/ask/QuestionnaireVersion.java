package dev.candor.storage.ask;

import java.time.Instant;

/**
 * One version of a questionnaire; {@code questionsJson} is the engine's typed list of questions as JSON (the bot's
 * {@code ask} package reads and writes it).
 */
public record QuestionnaireVersion(
        long orgId,
        long questionnaireId,
        String feature,
        int version,
        String questionsJson,
        Long createdBy,
        Instant createdAt) {}
