package dev.candor.storage.checkin;

import dev.candor.storage.ask.AskState;
import java.time.Instant;

/**
 * One person's part in one round of a check-in: their ask and, when they answered, their answer.
 *
 * @param checkinId the setup the round belongs to
 * @param valuesJson the answer per question id, or null when there is none
 * @param version the questionnaire version answered (or the round's, without an answer)
 */
public record PersonAnswer(
        long roundId,
        long checkinId,
        String period,
        long askId,
        long personId,
        String personName,
        AskState state,
        Instant dueAt,
        Instant answeredAt,
        long questionnaireId,
        int version,
        String valuesJson) {

    public boolean answered() {
        return valuesJson != null;
    }
}
