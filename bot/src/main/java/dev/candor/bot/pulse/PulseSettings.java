package dev.candor.bot.pulse;

import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyAudience;
import dev.candor.storage.pulse.SurveyCadence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A survey's settings as HR chose them in the form, before they are stored.
 *
 * @param departments with {@link SurveyAudience#DEPARTMENTS}
 * @param opensOn once at a date: that day; recurring: the first day it may open; null = now / from today
 */
record PulseSettings(
        String name,
        PulseTemplates template,
        SurveyAudience audience,
        List<String> departments,
        Schedule schedule,
        LocalDate opensOn,
        DayOfWeek day,
        LocalTime time,
        boolean anonymous,
        int minGroup,
        int deadlineDays,
        boolean reminders) {

    static final int MIN_GROUP_FLOOR = 3;

    PulseSettings {
        departments = List.copyOf(departments);
    }

    /** A new survey's defaults: eNPS to everyone now, anonymous, groups of 5, five working days, reminders. */
    static PulseSettings defaults() {
        return new PulseSettings(
                "Pulse survey",
                PulseTemplates.ENPS,
                SurveyAudience.EVERYONE,
                List.of(),
                Schedule.NOW,
                null,
                DayOfWeek.MONDAY,
                LocalTime.of(10, 0),
                true,
                5,
                5,
                true);
    }

    static PulseSettings of(Survey survey) {
        return new PulseSettings(
                survey.name(),
                PulseTemplates.of(survey.template()),
                survey.audience(),
                survey.audienceDepartments(),
                Schedule.of(survey.cadence(), survey.opensOn()),
                survey.opensOn(),
                survey.day(),
                survey.opensTime(),
                survey.anonymous(),
                survey.minGroup(),
                survey.deadlineDays(),
                survey.reminders());
    }

    /** Who a survey asks, in the form's words. */
    static String label(SurveyAudience audience) {
        return switch (audience) {
            case EVERYONE -> "Everyone";
            case DEPARTMENTS -> "One or more departments";
            case ORGANISATION -> "A manager's whole organisation";
            case CHANNEL -> "Members of this channel";
            case PEOPLE -> "The people I pick";
        };
    }

    static SurveyAudience audience(String value) {
        return Arrays.stream(SurveyAudience.values())
                .filter(audience -> audience.dbValue().equals(value))
                .findFirst()
                .orElse(SurveyAudience.EVERYONE);
    }

    /** When rounds open, as the form offers it: once (now or at a date) or on a cadence. */
    enum Schedule {
        NOW(SurveyCadence.ONCE, "Once, now"),
        ONCE(SurveyCadence.ONCE, "Once, at the date below"),
        WEEKLY(SurveyCadence.WEEKLY, "Every week"),
        BIWEEKLY(SurveyCadence.BIWEEKLY, "Every two weeks"),
        MONTHLY(SurveyCadence.MONTHLY, "Monthly"),
        QUARTERLY(SurveyCadence.QUARTERLY, "Quarterly");

        private final SurveyCadence cadence;
        private final String label;

        Schedule(SurveyCadence cadence, String label) {
            this.cadence = cadence;
            this.label = label;
        }

        /** The form's value; the stored cadence is {@link #cadence()}. */
        String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        SurveyCadence cadence() {
            return cadence;
        }

        String label() {
            return label;
        }

        static Schedule of(SurveyCadence cadence, LocalDate opensOn) {
            if (cadence == SurveyCadence.ONCE) {
                return opensOn == null ? NOW : ONCE;
            }
            return valueOf(cadence.name());
        }

        static Schedule fromForm(String value) {
            return Arrays.stream(values())
                    .filter(schedule -> schedule.dbValue().equals(value))
                    .findFirst()
                    .orElse(NOW);
        }
    }
}
