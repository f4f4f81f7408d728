package dev.candor.storage.ask;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** A round to store with {@link RoundDao#insert}; see {@link Round} for the fields. */
public record NewRound(
        long orgId,
        String feature,
        String subject,
        String period,
        long questionnaireId,
        int version,
        LocalDateTime opensLocal,
        Integer deadlineWorkingDays,
        LocalDateTime dueLocal,
        boolean anonymous,
        List<String> reminderPlan,
        Instant closesAt,
        Long createdBy) {

    public NewRound {
        reminderPlan = List.copyOf(reminderPlan);
    }

    /** For binding: the plan's tokens as a SQL array. */
    public String[] reminderTokens() {
        return reminderPlan.toArray(String[]::new);
    }
}
