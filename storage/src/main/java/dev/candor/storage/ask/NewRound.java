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
        Long createdBy,
        Instant opensAt,
        Instant dueAt) {

    public NewRound {
        reminderPlan = List.copyOf(reminderPlan);
    }

    /** A round opening at a local time or at once, with a working-day or local deadline (no agreed instant). */
    public NewRound(
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
        this(
                orgId,
                feature,
                subject,
                period,
                questionnaireId,
                version,
                opensLocal,
                deadlineWorkingDays,
                dueLocal,
                anonymous,
                reminderPlan,
                closesAt,
                createdBy,
                null,
                null);
    }

    /** For binding: the plan's tokens as a SQL array. */
    public String[] reminderTokens() {
        return reminderPlan.toArray(String[]::new);
    }
}
