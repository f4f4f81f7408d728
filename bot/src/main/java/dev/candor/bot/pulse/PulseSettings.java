package dev.candor.bot.pulse;

import dev.candor.storage.pulse.Survey;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A survey's settings as HR chose them in the form, before they are stored.
 *
 * @param departments with {@link Audience#DEPARTMENTS}
 * @param opensOn once at a date: that day; recurring: the first day it may open; null = now / from today
 */
record PulseSettings(
        String name,
        PulseTemplates template,
        Audience audience,
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
                Audience.EVERYONE,
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
                PulseTemplates.of(survey.template()).orElse(PulseTemplates.BLANK),
                Audience.of(survey.audience()),
                survey.audienceDepartments(),
                Schedule.of(survey.cadence(), survey.opensOn()),
                survey.opensOn(),
                DayOfWeek.of(survey.dayOfWeek()),
                survey.opensTime(),
                survey.anonymous(),
                survey.minGroup(),
                survey.deadlineDays(),
                survey.reminders());
    }

    /** Who a survey asks. */
    enum Audience {
        EVERYONE("Everyone"),
        DEPARTMENTS("One or more departments"),
        ORGANISATION("A manager's whole organisation"),
        CHANNEL("Members of this channel"),
        PEOPLE("The people I pick");

        private final String label;

        Audience(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Audience of(String value) {
            return Arrays.stream(values())
                    .filter(audience -> audience.dbValue().equals(value))
                    .findFirst()
                    .orElse(EVERYONE);
        }
    }

    /** When rounds open: once (now or at a date) or on a cadence. */
    enum Schedule {
        NOW("once", "Once, now"),
        ONCE("once", "Once, at the date below"),
        WEEKLY("weekly", "Every week"),
        BIWEEKLY("biweekly", "Every two weeks"),
        MONTHLY("monthly", "Monthly"),
        QUARTERLY("quarterly", "Quarterly");

        private final String cadence;
        private final String label;

        Schedule(String cadence, String label) {
            this.cadence = cadence;
            this.label = label;
        }

        /** The form's value; the stored cadence is {@link #cadence()}. */
        String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        String cadence() {
            return cadence;
        }

        String label() {
            return label;
        }

        boolean once() {
            return this == NOW || this == ONCE;
        }

        static Schedule of(String cadence, LocalDate opensOn) {
            if ("once".equals(cadence)) {
                return opensOn == null ? NOW : ONCE;
            }
            return Arrays.stream(values())
                    .filter(schedule -> schedule.cadence.equals(cadence))
                    .findFirst()
                    .orElse(NOW);
        }

        static Schedule fromForm(String value) {
            return Arrays.stream(values())
                    .filter(schedule -> schedule.dbValue().equals(value))
                    .findFirst()
                    .orElse(NOW);
        }
    }
}
