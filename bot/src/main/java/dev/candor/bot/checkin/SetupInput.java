package dev.candor.bot.checkin;

import dev.candor.bot.chat.FormSubmission;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.storage.ask.Cadence;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.conversation.ConversationKind;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A submitted setup form, read and checked: every mistake is named next to its input, and nothing typed is lost.
 *
 * @param owner the platform user id of the manager an HR admin set it up for, else null (the person saving it)
 * @param channel the conversation the form was opened from, when it is a channel (stand-up or audience), else null
 */
record SetupInput(
        String name,
        Audience audience,
        List<String> people,
        String owner,
        Cadence cadence,
        DayOfWeek day,
        LocalTime time,
        int deadlineDays,
        Questionnaire questions,
        boolean standup,
        String channel,
        Map<String, String> errors) {

    /** @param previous the setup's current questions when editing (their ids are kept), else null */
    static SetupInput read(FormSubmission form, Questionnaire previous) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.text(SetupForm.NAME);
        if (name.isEmpty() || name.length() > 80) {
            errors.put(SetupForm.NAME, "Give the check-in a name of up to 80 characters.");
        }
        Audience audience = audience(form.text(SetupForm.AUDIENCE));
        Cadence cadence = enumOf(Cadence.class, form.text(SetupForm.CADENCE), Cadence.WEEKLY);
        if (cadence == Cadence.QUARTERLY) {
            errors.put(SetupForm.CADENCE, "Check-ins come every week, every two weeks or monthly.");
        }
        DayOfWeek day = enumOf(DayOfWeek.class, form.text(SetupForm.DAY), DayOfWeek.FRIDAY);
        LocalTime time = time(form.text(SetupForm.TIME), errors);
        int deadline = deadline(form.text(SetupForm.DEADLINE), errors);
        Questions.Parsed questions = Questions.parseCheckin(form.text(SetupForm.QUESTIONS), previous);
        if (questions.error() != null) {
            errors.put(SetupForm.QUESTIONS, questions.error());
        }
        boolean standup = SetupForm.STANDUP.equals(form.text(SetupForm.DESTINATION));
        String channel = form.where() != null && form.where().kind() != ConversationKind.DM
                ? form.where().conversationId()
                : null;
        List<String> people = form.chosen(SetupForm.PEOPLE);
        String owner = form.chosen(SetupForm.OWNER).stream().findFirst().orElse(null);
        if (audience == Audience.PEOPLE && people.isEmpty()) {
            errors.put(SetupForm.PEOPLE, "Pick the people to ask, or choose your direct reports.");
        }
        if (audience == Audience.CHANNEL && channel == null) {
            errors.put(
                    SetupForm.AUDIENCE,
                    "Open " + CheckinMessages.checkin(form.actor().platform(), "setup")
                            + " in the channel whose members should be asked.");
        }
        return new SetupInput(
                name,
                audience,
                people,
                owner,
                cadence,
                day,
                time,
                deadline,
                questions.questionnaire(),
                standup,
                channel,
                errors);
    }

    private static Audience audience(String value) {
        return enumOf(Audience.class, value, Audience.REPORTS);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, E fallback) {
        try {
            return value.isEmpty() ? fallback : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    private static LocalTime time(String text, Map<String, String> errors) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(SetupForm.TIME, "Give a time like 14:00.");
            return LocalTime.of(14, 0);
        }
    }

    private static int deadline(String text, Map<String, String> errors) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 1 && days <= 10) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.put(SetupForm.DEADLINE, "Give a whole number of working days from 1 to 10.");
        return 2;
    }
}
