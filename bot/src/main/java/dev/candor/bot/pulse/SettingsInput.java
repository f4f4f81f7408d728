package dev.candor.bot.pulse;

import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Syntax;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.pulse.SurveyAudience;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The submitted settings form, read and checked: each mistake is named next to its input with what to type, and the
 * form keeps everything typed.
 *
 * @param manager the platform user id of the picked manager, or null
 * @param people the platform user ids of the picked people
 * @param channel the channel the form was opened from (its members are the audience), or null in a DM
 */
record SettingsInput(
        PulseSettings settings, String manager, List<String> people, String channel, Map<String, String> errors) {

    static SettingsInput read(FormSubmission form, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.text(SettingsForm.NAME);
        if (name.isEmpty() || name.length() > 80) {
            errors.put(SettingsForm.NAME, "Give the survey a name of up to 80 characters, e.g. \"December eNPS\".");
        }
        PulseTemplates template =
                PulseTemplates.of(form.text(SettingsForm.TEMPLATE)).orElse(PulseTemplates.ENPS);
        SurveyAudience audience = PulseSettings.audience(form.text(SettingsForm.AUDIENCE));
        List<String> departments = form.chosen(SettingsForm.DEPARTMENTS);
        String manager = form.chosen(SettingsForm.MANAGER).stream().findFirst().orElse(null);
        List<String> people = form.chosen(SettingsForm.PEOPLE);
        String channel = form.where() != null && form.where().kind() != ConversationKind.DM
                ? form.where().conversationId()
                : null;
        audienceErrors(form.actor().platform(), audience, departments, manager, people, channel, errors);
        PulseSettings.Schedule schedule = PulseSettings.Schedule.fromForm(form.text(SettingsForm.SCHEDULE));
        LocalDate date = date(form.text(SettingsForm.DATE), schedule, today, errors);
        LocalTime time = time(form.text(SettingsForm.TIME), errors);
        int minGroup = number(form.text(SettingsForm.MIN_GROUP), PulseSettings.MIN_GROUP_FLOOR, 50, 5);
        if (minGroup < 0) {
            errors.put(SettingsForm.MIN_GROUP, "Give a whole number from 3 to 50: groups under 3 are never shown.");
        }
        int deadline = number(form.text(SettingsForm.DEADLINE), 1, 20, 5);
        if (deadline < 0) {
            errors.put(SettingsForm.DEADLINE, "Give a whole number of working days from 1 to 20.");
        }
        PulseSettings settings = new PulseSettings(
                name,
                template,
                audience,
                departments,
                schedule,
                date,
                day(form.text(SettingsForm.DAY)),
                time,
                !SettingsForm.NO.equals(form.text(SettingsForm.ANONYMOUS)),
                Math.max(minGroup, PulseSettings.MIN_GROUP_FLOOR),
                Math.max(deadline, 1),
                !SettingsForm.NO.equals(form.text(SettingsForm.REMINDERS)));
        return new SettingsInput(settings, manager, people, channel, errors);
    }

    private static void audienceErrors(
            Platform platform,
            SurveyAudience audience,
            List<String> departments,
            String manager,
            List<String> people,
            String channel,
            Map<String, String> errors) {
        switch (audience) {
            case DEPARTMENTS -> {
                if (departments.isEmpty()) {
                    errors.put(
                            SettingsForm.AUDIENCE,
                            "Pick one or more departments, or choose another audience. Departments come from the"
                                    + " directory (" + Syntax.command(platform, "candor admin import") + ").");
                }
            }
            case ORGANISATION -> {
                if (manager == null) {
                    errors.put(SettingsForm.MANAGER, "Pick the manager whose whole organisation is asked.");
                }
            }
            case PEOPLE -> {
                if (people.isEmpty()) {
                    errors.put(SettingsForm.PEOPLE, "Pick the people to ask, or choose another audience.");
                }
            }
            case CHANNEL -> {
                if (channel == null) {
                    errors.put(
                            SettingsForm.AUDIENCE,
                            "Open " + Syntax.command(platform, "pulse")
                                    + " in the channel whose members should be asked, or choose another audience.");
                }
            }
            case EVERYONE -> {
                // the directory's active people, checked when it is launched
            }
        }
    }

    private static LocalDate date(
            String text, PulseSettings.Schedule schedule, LocalDate today, Map<String, String> errors) {
        if (text.isEmpty()) {
            if (schedule == PulseSettings.Schedule.ONCE) {
                errors.put(SettingsForm.DATE, "Pick the day it goes out, or choose \"Once, now\".");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(today)) {
                errors.put(SettingsForm.DATE, "Pick today or a later day.");
            }
            return schedule == PulseSettings.Schedule.NOW ? null : date;
        } catch (DateTimeParseException e) {
            errors.put(SettingsForm.DATE, "Give a date like 2026-12-14.");
            return null;
        }
    }

    private static LocalTime time(String text, Map<String, String> errors) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(SettingsForm.TIME, "Give a time like 10:00.");
            return LocalTime.of(10, 0);
        }
    }

    /** The whole number within the bounds, else -1. */
    private static int number(String text, int min, int max, int fallback) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value >= min && value <= max ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static DayOfWeek day(String text) {
        try {
            return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DayOfWeek.MONDAY;
        }
    }
}
