package dev.candor.bot.plan;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Text;
import dev.candor.storage.people.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The forms of improvement plans: the new plan (three goals with their success measures, the days it runs and three
 * check-in days, filled in at 30, 60 and 90 days), a comment, follow-up notes and an extension.
 */
final class PlanForms {
    static final String NEW = "plan.new";
    static final String COMMENT = "plan.comment";
    static final String NOTE = "plan.note";
    static final String EXTEND = "plan.extend";

    static final int GOALS = 3;
    static final int CHECKINS = 3;
    static final String STARTS_ON = "starts_on";
    static final String ENDS_ON = "ends_on";
    static final String TEXT = "text";
    static final String CHECKIN = "checkin";
    static final int LONGEST_GOAL = 500;
    static final int LONGEST_TEXT = 3000;
    /** The default length of a plan, with a check-in every {@code DAYS / 3} days. */
    static final int DAYS = 90;

    private PlanForms() {}

    static String goal(int position) {
        return "goal_" + position;
    }

    static String measure(int position) {
        return "measure_" + position;
    }

    static String checkin(int position) {
        return "checkin_" + position;
    }

    /** The form for a new plan for {@code employee}; its context is their person id. */
    static Form newPlan(Person employee, LocalDate today) {
        List<Form.Input> inputs = new ArrayList<>();
        for (int position = 1; position <= GOALS; position++) {
            boolean first = position == 1;
            inputs.add(new Form.TextInput(
                    goal(position),
                    "Goal " + position,
                    first ? "e.g. Review pull requests within two working days" : null,
                    true,
                    first,
                    null,
                    LONGEST_GOAL,
                    first ? null : "Optional."));
            inputs.add(new Form.TextInput(
                    measure(position),
                    "How success is measured",
                    first ? "e.g. 9 of 10 reviews within two days, each week from week 3" : null,
                    true,
                    first,
                    null,
                    LONGEST_GOAL));
        }
        inputs.add(new Form.DateInput(STARTS_ON, "Starts", true, today.toString(), null));
        inputs.add(new Form.DateInput(
                ENDS_ON,
                "Ends",
                true,
                today.plusDays(DAYS).toString(),
                "On this day Candor asks you for the outcome: completed, extended or ended."));
        for (int position = 1; position <= CHECKINS; position++) {
            inputs.add(new Form.DateInput(
                    checkin(position),
                    "Check-in " + position,
                    position == 1,
                    position == CHECKINS
                            ? null
                            : today.plusDays(DAYS / CHECKINS * position).toString(),
                    position == 1
                            ? "Candor reminds you the working day before each check-in and asks for your follow-up"
                                    + " notes after it."
                            : null));
        }
        return new Form(
                NEW,
                "Improvement plan",
                "Start",
                List.of(new Block.Context(Text.of("For " + employee.name() + ". " + employee.name()
                        + " and HR admins are told when you start it; " + employee.name()
                        + " acknowledges it and may comment. Only " + employee.name()
                        + ", their manager and HR admins can read it."))),
                inputs,
                Long.toString(employee.id()));
    }

    static Form comment(long planId, String employeeName) {
        return text(
                COMMENT,
                "Comment on the plan",
                "Add",
                "On improvement plan " + PlanText.name(planId) + " for " + employeeName
                        + ". It is kept with the plan, with your name and the time; " + employeeName
                        + ", their manager and HR admins can read it.",
                "Your comment",
                Long.toString(planId));
    }

    /** @param checkinOn the check-in day the notes are of, or null for the latest */
    static Form note(long planId, String employeeName, LocalDate checkinOn) {
        return text(
                NOTE,
                "Follow-up notes",
                "Save",
                (checkinOn == null ? "" : "The check-in of " + PlanText.day(checkinOn) + ", ")
                        + "improvement plan " + PlanText.name(planId) + " for " + employeeName
                        + ": what you discussed, where each goal stands against its measure, what was agreed next."
                        + " " + employeeName + " and HR admins can read them.",
                "Notes",
                planId + (checkinOn == null ? "" : ":" + checkinOn));
    }

    static Form extend(long planId, String employeeName, LocalDate endsOn) {
        return new Form(
                EXTEND,
                "Extend the plan",
                "Extend",
                List.of(new Block.Context(Text.of("Improvement plan " + PlanText.name(planId) + " for "
                        + employeeName + " ends " + PlanText.day(endsOn) + ". " + employeeName
                        + " and HR admins are told of the new end."))),
                List.of(
                        new Form.DateInput(
                                ENDS_ON,
                                "New end",
                                true,
                                endsOn.plusDays(DAYS / CHECKINS).toString(),
                                null),
                        new Form.DateInput(
                                CHECKIN,
                                "Another check-in",
                                false,
                                null,
                                "Optional: you are reminded before it and asked for notes after it.")),
                Long.toString(planId));
    }

    private static Form text(String id, String title, String submit, String intro, String label, String context) {
        return new Form(
                id,
                title,
                submit,
                List.of(new Block.Context(Text.of(intro))),
                List.of(new Form.TextInput(TEXT, label, null, true, true, null, LONGEST_TEXT)),
                context);
    }
}
