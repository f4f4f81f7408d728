package dev.candor.bot.plan;

import dev.candor.bot.chat.FormSubmission;
import dev.candor.storage.plan.PlanGoal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The new plan form's answers read, or every mistake by field. */
record PlanInput(
        List<PlanGoal> goals,
        LocalDate startsOn,
        LocalDate endsOn,
        List<LocalDate> checkins,
        Map<String, String> errors) {

    /** The longest a plan may run: a year. */
    static final int LONGEST_DAYS = 366;

    static PlanInput read(FormSubmission form, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<PlanGoal> goals = new ArrayList<>();
        for (int position = 1; position <= PlanForms.GOALS; position++) {
            String goal = form.text(PlanForms.goal(position));
            String measure = form.text(PlanForms.measure(position));
            if (goal.isEmpty() && measure.isEmpty()) {
                continue;
            }
            if (goal.isEmpty()) {
                errors.put(PlanForms.goal(position), "Say what the goal is, or empty its measure too.");
            } else if (measure.isEmpty()) {
                errors.put(PlanForms.measure(position), "Say how you will both know the goal is met.");
            } else if (goal.length() > PlanForms.LONGEST_GOAL || measure.length() > PlanForms.LONGEST_GOAL) {
                errors.put(
                        PlanForms.goal(position),
                        "Keep a goal and its measure to " + PlanForms.LONGEST_GOAL + " characters each.");
            } else {
                goals.add(new PlanGoal(goals.size() + 1, goal, measure));
            }
        }
        if (goals.isEmpty() && !errors.containsKey(PlanForms.goal(1)) && !errors.containsKey(PlanForms.measure(1))) {
            errors.put(PlanForms.goal(1), "Write at least one goal, with how success is measured.");
        }
        LocalDate starts = date(form, PlanForms.STARTS_ON, errors);
        LocalDate ends = date(form, PlanForms.ENDS_ON, errors);
        if (starts != null && ends != null) {
            if (!ends.isAfter(starts)) {
                errors.put(PlanForms.ENDS_ON, "It ends after it starts: pick a day after " + starts + ".");
            } else if (ends.isBefore(today)) {
                errors.put(PlanForms.ENDS_ON, "That day has passed: pick a later day.");
            } else if (ends.isAfter(starts.plusDays(LONGEST_DAYS))) {
                errors.put(PlanForms.ENDS_ON, "A plan runs for up to a year: pick an earlier day.");
            }
        }
        TreeSet<LocalDate> checkins = new TreeSet<>();
        for (int position = 1; position <= PlanForms.CHECKINS; position++) {
            String id = PlanForms.checkin(position);
            LocalDate day = date(form, id, errors);
            if (day == null) {
                continue;
            }
            if (day.isBefore(today)) {
                errors.put(id, "That day has passed: pick today or a later day.");
            } else if (starts != null && ends != null && (day.isBefore(starts) || day.isAfter(ends))) {
                errors.put(id, "Pick a day while the plan runs, " + starts + " to " + ends + ".");
            } else {
                checkins.add(day);
            }
        }
        if (checkins.isEmpty() && !errors.containsKey(PlanForms.checkin(1))) {
            errors.put(PlanForms.checkin(1), "Pick at least one check-in day.");
        }
        return new PlanInput(goals, starts, ends, List.copyOf(checkins), errors);
    }

    static LocalDate date(FormSubmission form, String id, Map<String, String> errors) {
        LocalDate day = form.date(id, errors);
        if (day == null
                && form.text(id).isEmpty()
                && (id.equals(PlanForms.STARTS_ON) || id.equals(PlanForms.ENDS_ON))) {
            errors.put(id, "Pick a day from the calendar.");
        }
        return day;
    }
}
