package dev.candor.storage.pulse;

import dev.candor.storage.Platform;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A pulse survey: its questions (an engine questionnaire), who it asks and when. Each sending is one engine round of
 * feature {@code pulse} whose subject is {@link #subject()}.
 *
 * @param minGroup no result, breakdown or comment of a group with fewer answers is shown to anyone (3 or more)
 * @param audienceDepartments the departments of a {@link SurveyAudience#DEPARTMENTS} survey
 * @param audienceManagerId the person whose whole organisation an {@link SurveyAudience#ORGANISATION} survey asks
 * @param opensOn a one-off's day (null: at launch), or the first day a recurring survey's round may open
 * @param opensTime the local time rounds open in each person's own zone
 * @param dayOfWeek ISO day (1 = Monday) of weekly rounds, or the first such day of a month or quarter
 * @param deadlineDays working days each person has to answer
 */
public record Survey(
        long id,
        long orgId,
        String name,
        SurveyTemplate template,
        long questionnaireId,
        boolean anonymous,
        int minGroup,
        SurveyAudience audience,
        List<String> audienceDepartments,
        Long audienceManagerId,
        String audienceChannel,
        Platform audiencePlatform,
        SurveyCadence cadence,
        LocalDate opensOn,
        LocalTime opensTime,
        int dayOfWeek,
        int deadlineDays,
        boolean reminders,
        SurveyState state,
        long createdBy,
        Instant createdAt,
        Instant launchedAt,
        Instant closedAt) {

    public static final String FEATURE = "pulse";

    public Survey {
        audienceDepartments = List.copyOf(audienceDepartments);
    }

    /** The engine's subject of this survey's rounds. */
    public String subject() {
        return subject(id);
    }

    public static String subject(long surveyId) {
        return Long.toString(surveyId);
    }

    public DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }

    /** The departments as a SQL array parameter. */
    public String[] departmentsArray() {
        return audienceDepartments.toArray(String[]::new);
    }
}
