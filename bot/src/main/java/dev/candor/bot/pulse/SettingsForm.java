package dev.candor.bot.pulse;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Form.Choice;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Text;
import dev.candor.storage.pulse.SurveyAudience;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first step of {@code /pulse}: a survey's settings, every one filled with a sensible default (anonymous, a group
 * of at least 5, five working days, reminders on) or with the draft's values when HR goes back to edit it.
 */
final class SettingsForm {
    static final String FORM_ID = "pulse.settings";
    static final String NAME = "name";
    static final String TEMPLATE = "template";
    static final String AUDIENCE = "audience";
    static final String DEPARTMENTS = "departments";
    static final String MANAGER = "manager";
    static final String PEOPLE = "people";
    static final String SCHEDULE = "schedule";
    static final String DATE = "date";
    static final String DAY = "day";
    static final String TIME = "time";
    static final String ANONYMOUS = "anonymous";
    static final String MIN_GROUP = "min_group";
    static final String DEADLINE = "deadline";
    static final String REMINDERS = "reminders";
    static final String NEW = "new";
    static final String YES = "yes";
    static final String NO = "no";

    private SettingsForm() {}

    /**
     * @param departments the directory's departments to choose from (none: the input is left out)
     * @param manager the picked manager when editing, else empty
     * @param people the picked people when editing, else empty
     * @param context {@link #NEW} or the draft's id
     */
    static Form of(
            PulseSettings settings,
            List<String> departments,
            List<Mention> manager,
            List<Mention> people,
            String context) {
        List<Form.Input> inputs = new ArrayList<>();
        inputs.add(new Form.TextInput(NAME, "Name", "December eNPS", false, true, settings.name(), 80));
        inputs.add(
                choice(TEMPLATE, "Start from", templates(), settings.template().dbValue(), null));
        inputs.add(choice(
                AUDIENCE, "Who is asked", audiences(), settings.audience().dbValue(), null));
        if (!departments.isEmpty()) {
            inputs.add(new Form.ChoiceInput(
                    DEPARTMENTS,
                    "Departments",
                    departments.stream().map(name -> new Choice(name, name)).toList(),
                    true,
                    false,
                    settings.departments().stream()
                            .filter(departments::contains)
                            .toList(),
                    "With \"One or more departments\"."));
        }
        inputs.add(new Form.PeopleInput(
                MANAGER,
                "Manager",
                1,
                false,
                manager,
                "With \"A manager's whole organisation\": everyone under them."));
        inputs.add(new Form.PeopleInput(PEOPLE, "People", 100, false, people, "With \"The people I pick\"."));
        inputs.add(choice(SCHEDULE, "When", schedules(), settings.schedule().dbValue(), null));
        inputs.add(new Form.DateInput(
                DATE,
                "Date",
                false,
                settings.opensOn() == null ? null : settings.opensOn().toString(),
                "Once at a date: that day. Recurring: the first day it may start. Empty: from today."));
        inputs.add(choice(
                DAY,
                "Day (recurring)",
                Choice.WEEKDAYS,
                Choice.weekday(settings.day()),
                "Monthly and quarterly: the first such" + " day of the month or quarter."));
        inputs.add(new Form.TimeInput(
                TIME,
                "Time",
                true,
                settings.time().toString(),
                "Each person's own local time, in their working hours."));
        inputs.add(choice(ANONYMOUS, "Anonymous", anonymity(), settings.anonymous() ? YES : NO, null));
        inputs.add(number(
                MIN_GROUP,
                "Minimum group size",
                3,
                50,
                settings.minGroup(),
                "No result of a group with fewer" + " answers is shown to anyone; never below 3."));
        inputs.add(number(
                DEADLINE,
                "Deadline (working days)",
                1,
                20,
                settings.deadlineDays(),
                "Working days after the" + " survey reaches each person."));
        inputs.add(choice(REMINDERS, "Reminders", reminders(), settings.reminders() ? YES : NO, null));
        List<Block> intro = List.of(new Block.Context(Text.of(
                "Step 1 of 3: the settings. Next come the questions, then a preview before anything is sent.")));
        return new Form(
                FORM_ID,
                NEW.equals(context) ? "New pulse survey" : "Edit pulse survey",
                "Next",
                intro,
                inputs,
                context);
    }

    private static Form.ChoiceInput choice(String id, String label, List<Choice> choices, String initial, String help) {
        return new Form.ChoiceInput(id, label, choices, false, true, List.of(initial), help);
    }

    private static Form.NumberInput number(String id, String label, int min, int max, int initial, String help) {
        return new Form.NumberInput(
                id, label, BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0, true, String.valueOf(initial), help);
    }

    private static List<Choice> templates() {
        return PulseTemplates.all().stream()
                .map(template -> new Choice(template.dbValue(), template.label()))
                .toList();
    }

    private static List<Choice> audiences() {
        return Arrays.stream(SurveyAudience.values())
                .map(audience -> new Choice(audience.dbValue(), PulseSettings.label(audience)))
                .toList();
    }

    private static List<Choice> schedules() {
        return Arrays.stream(PulseSettings.Schedule.values())
                .map(schedule -> new Choice(schedule.dbValue(), schedule.label()))
                .toList();
    }

    private static List<Choice> anonymity() {
        return List.of(
                new Choice(YES, "Anonymous: answers are never linked to a person"),
                new Choice(NO, "Named: HR sees each person's name with their answers"));
    }

    private static List<Choice> reminders() {
        return List.of(new Choice(YES, "Remind people who haven't answered"), new Choice(NO, "No reminders"));
    }
}
