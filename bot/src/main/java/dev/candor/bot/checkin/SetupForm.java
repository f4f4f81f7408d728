package dev.candor.bot.checkin;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Form.Choice;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Text;
import dev.candor.storage.ask.Cadence;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/** The check-in setup form, every field filled with a good default (or the setup's current values when editing). */
final class SetupForm {
    static final String FORM_ID = "checkin.setup";
    static final String NAME = "name";
    static final String AUDIENCE = "audience";
    static final String PEOPLE = "people";
    static final String OWNER = "owner";
    static final String CADENCE = "cadence";
    static final String DAY = "day";
    static final String TIME = "time";
    static final String DEADLINE = "deadline";
    static final String QUESTIONS = "questions";
    static final String DESTINATION = "destination";
    static final String PRIVATE = "private";
    static final String STANDUP = "standup";
    static final String NEW = "new";

    private SetupForm() {}

    /**
     * The form for a new check-in ({@code existing} null) or for editing one.
     *
     * @param forATeam an HR admin's new check-in: it may be set up for a manager, who then owns it
     */
    static Form of(Checkin existing, String questionLines, List<Mention> people, boolean hasReports, boolean forATeam) {
        boolean editing = existing != null;
        Audience audience = editing ? existing.audience() : hasReports ? Audience.REPORTS : Audience.PEOPLE;
        List<Form.Input> inputs = new ArrayList<>(List.of(
                new Form.TextInput(
                        NAME,
                        "Name",
                        "Weekly check-in",
                        false,
                        true,
                        editing ? existing.name() : "Weekly check-in",
                        80),
                new Form.ChoiceInput(
                        AUDIENCE,
                        "Who is asked",
                        List.of(
                                new Choice(
                                        Audience.REPORTS.dbValue(),
                                        forATeam && !editing
                                                ? "Direct reports (the picked manager's, else mine)"
                                                : "My direct reports (from the directory)"),
                                new Choice(Audience.CHANNEL.dbValue(), "Members of this channel"),
                                new Choice(Audience.PEOPLE.dbValue(), "The people I pick below")),
                        false,
                        true,
                        List.of(audience.dbValue()),
                        null),
                new Form.PeopleInput(
                        PEOPLE,
                        "People to ask (when picking)",
                        100,
                        false,
                        people,
                        "Only used with \"The people I pick below\"."),
                new Form.ChoiceInput(
                        CADENCE,
                        "How often",
                        List.of(
                                new Choice(Cadence.WEEKLY.dbValue(), "Every week"),
                                new Choice(Cadence.BIWEEKLY.dbValue(), "Every two weeks"),
                                new Choice(Cadence.MONTHLY.dbValue(), "Monthly, on the first chosen day")),
                        false,
                        true,
                        List.of((editing ? existing.cadence() : Cadence.WEEKLY).dbValue()),
                        null),
                new Form.ChoiceInput(
                        DAY,
                        "Day",
                        Choice.WEEKDAYS,
                        false,
                        true,
                        List.of(Choice.weekday(editing ? existing.day() : DayOfWeek.FRIDAY)),
                        null),
                new Form.TimeInput(
                        TIME,
                        "Time",
                        true,
                        editing ? existing.localTime().toString() : "14:00",
                        "Each person's own local time, moved into their working hours."),
                new Form.NumberInput(
                        DEADLINE,
                        "Deadline (working days)",
                        BigDecimal.ONE,
                        BigDecimal.TEN,
                        0,
                        true,
                        String.valueOf(editing ? existing.deadlineDays() : 2),
                        "Working days after the check-in reaches each person."),
                new Form.TextInput(
                        QUESTIONS, "Questions", null, true, true, questionLines, 3000, Questions.CHECKIN_SYNTAX),
                new Form.ChoiceInput(
                        DESTINATION,
                        "Where answers go",
                        List.of(
                                new Choice(PRIVATE, "Privately to me"),
                                new Choice(STANDUP, "Also post each answer in this channel, as a stand-up")),
                        false,
                        true,
                        List.of(editing && existing.standupChannel() != null ? STANDUP : PRIVATE),
                        null)));
        if (forATeam && !editing) {
            inputs.add(1, ownerInput());
        }
        List<Block> intro = List.of(new Block.Context(Text.of(
                editing
                        ? "Changing the questions makes a new version; answers keep the version they answered."
                        : "Everything is filled in with a good start: change what you like.")));
        return new Form(
                FORM_ID,
                editing ? "Edit check-in" : "New check-in",
                "Save",
                intro,
                inputs,
                editing ? String.valueOf(existing.id()) : NEW);
    }

    /** HR only: whose check-in this is. The owner's direct reports are asked, and the owner gets the digest. */
    private static Form.Input ownerInput() {
        return new Form.PeopleInput(
                OWNER,
                "For a manager's team",
                1,
                false,
                List.of(),
                "Leave empty to set it up for yourself. A manager picked here owns it: their direct reports are asked,"
                        + " they get the digest and may change it, and Candor tells them.");
    }
}
