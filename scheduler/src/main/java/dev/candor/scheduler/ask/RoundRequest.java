package dev.candor.scheduler.ask;

import java.util.List;
import java.util.Objects;

/**
 * A round a feature wants opened: one questionnaire version sent to a set of people.
 *
 * @param feature the registered feature's name; the engine hands its rounds back to it by this name
 * @param subject what the round belongs to in the feature, e.g. {@code checkin:42}
 * @param period which occurrence, e.g. {@code 2026-W49}; (org, feature, subject, period) opens once
 * @param personIds who is asked, in the order their asks are stored
 * @param createdBy the person who opened it, or null for a schedule
 */
public record RoundRequest(
        long orgId,
        String feature,
        String subject,
        String period,
        long questionnaireId,
        int version,
        RoundTiming timing,
        boolean anonymous,
        List<Long> personIds,
        Long createdBy) {

    public RoundRequest {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timing, "timing");
        personIds = List.copyOf(personIds);
    }
}
