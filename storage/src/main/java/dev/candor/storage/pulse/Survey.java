package dev.candor.storage.pulse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A pulse survey: its questions (an engine questionnaire), audience, schedule and anonymity. Its rounds are the
 * engine's rounds with feature {@code pulse} and subject {@link #subject()}.
 *
 * @param audienceManagerId with audience {@code organisation}: everyone under this person, any depth
 * @param opensOn once: the date (null = now); recurring: the first day a round may open
 * @param dayOfWeek ISO day (1 = Monday) of weekly, two-weekly, monthly and quarterly rounds
 */
public record Survey(
        long id,
        long orgId,
        String name,
        String template,
        long questionnaireId,
        boolean anonymous,
        int minGroup,
        String audience,
        List<String> audienceDepartments,
        Long audienceManagerId,
        String audienceChannel,
        String audiencePlatform,
        String cadence,
        LocalDate opensOn,
        LocalTime opensTime,
        int dayOfWeek,
        int deadlineDays,
        boolean reminders,
        String state,
        long createdBy,
        Instant createdAt,
        Instant launchedAt,
        Instant closedAt) {

    public Survey {
        audienceDepartments = List.copyOf(audienceDepartments);
    }

    /** The engine's subject of this survey's rounds: its id in decimal. */
    public String subject() {
        return String.valueOf(id);
    }
}
