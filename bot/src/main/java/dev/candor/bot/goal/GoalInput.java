package dev.candor.bot.goal;

import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import dev.candor.storage.goal.GoalVisibility;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The goal forms' answers read into what {@link Goals} takes, or every mistake by field. */
final class GoalInput {
    private final PeopleDirectory directory;

    GoalInput(PeopleDirectory directory) {
        this.directory = directory;
    }

    /** A value read, or the mistakes by form field. */
    record Read<T>(T value, Map<String, String> errors) {}

    /** An update: the new value, status and comment. */
    record Change(BigDecimal value, GoalStatus status, String comment) {}

    Read<Goals.NewGoal> newGoal(FormSubmission form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = form.text(GoalForms.TITLE);
        if (title.length() < 3) {
            errors.put(GoalForms.TITLE, "Say what the goal is, in at least 3 characters.");
        }
        GoalMeasure measure = pick(GoalMeasure.values(), form.text(GoalForms.MEASURE), GoalMeasure.PERCENT);
        BigDecimal from = number(form, GoalForms.START, errors);
        BigDecimal to = number(form, GoalForms.TARGET, errors);
        if (measure == GoalMeasure.PERCENT) {
            from = BigDecimal.ZERO;
            to = BigDecimal.valueOf(100);
        }
        String range = errors.isEmpty() ? Goals.rangeProblem(measure, from, to) : null;
        if (range != null) {
            errors.put(GoalForms.TARGET, range);
        }
        LocalDate due = null;
        if (!form.text(GoalForms.DUE).isEmpty()) {
            try {
                due = LocalDate.parse(form.text(GoalForms.DUE));
            } catch (DateTimeException e) {
                errors.put(GoalForms.DUE, "Pick a day from the calendar.");
            }
        }
        Long parent = null;
        if (!form.text(GoalForms.PARENT).isEmpty()) {
            try {
                parent = Long.parseLong(form.text(GoalForms.PARENT));
            } catch (NumberFormatException e) {
                errors.put(GoalForms.PARENT, "Pick one of the goals shown.");
            }
        }
        List<GoalLine.Added> keyResults = keyResults(form.text(GoalForms.KEY_RESULTS), errors);
        if (!errors.isEmpty()) {
            return new Read<>(null, errors);
        }
        List<Mention> owners = form.chosen(GoalForms.OWNERS).stream()
                .map(id -> {
                    String name = directory.knownName(
                            form.actor().orgId(), form.actor().platform(), id);
                    return new Mention(id, name == null ? id : name);
                })
                .toList();
        String description = form.text(GoalForms.DESCRIPTION);
        String unit = form.text(GoalForms.UNIT);
        return new Read<>(
                new Goals.NewGoal(
                        title,
                        description.isEmpty() ? null : description,
                        owners,
                        due,
                        measure,
                        from,
                        to,
                        unit.isEmpty() ? null : unit,
                        pick(GoalVisibility.values(), form.text(GoalForms.VISIBILITY), GoalVisibility.EVERYONE),
                        parent,
                        "yes".equals(form.text(GoalForms.COMPANY)),
                        keyResults),
                null);
    }

    /** The key results typed one per line, each read as a one-line goal; the first mistake names its line. */
    private static List<GoalLine.Added> keyResults(String text, Map<String, String> errors) {
        List<String> lines =
                text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.size() > Goals.MOST_KEY_RESULTS) {
            errors.put(
                    GoalForms.KEY_RESULTS,
                    "A goal has up to " + Goals.MOST_KEY_RESULTS + " key results: remove "
                            + (lines.size() - Goals.MOST_KEY_RESULTS) + ".");
            return List.of();
        }
        List<GoalLine.Added> read = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            GoalLine.Added line = GoalLine.add(lines.get(i));
            if (line.problem() != null) {
                errors.put(GoalForms.KEY_RESULTS, "Line " + (i + 1) + ": " + line.problem());
                return List.of();
            }
            read.add(line);
        }
        return read;
    }

    Read<Change> change(FormSubmission form, Goal goal) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal value;
        if (goal.measure() == GoalMeasure.DONE) {
            value = "yes".equals(form.text(GoalForms.VALUE)) ? BigDecimal.ONE : BigDecimal.ZERO;
        } else {
            value = number(form, GoalForms.VALUE, errors);
            if (value == null && errors.isEmpty()) {
                errors.put(GoalForms.VALUE, "Say where the goal is now.");
            }
        }
        if (value != null && errors.isEmpty()) {
            String problem = Goals.valueProblem(goal, value);
            if (problem != null) {
                errors.put(GoalForms.VALUE, problem);
            }
        }
        if (!errors.isEmpty()) {
            return new Read<>(null, errors);
        }
        String comment = form.text(GoalForms.COMMENT);
        GoalStatus status = pick(GoalStatus.values(), form.text(GoalForms.STATUS), null);
        return new Read<>(new Change(value, status, comment.isEmpty() ? null : comment), null);
    }

    private static BigDecimal number(FormSubmission form, String field, Map<String, String> errors) {
        String text = form.text(field).replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.put(field, "Write a number, e.g. 120 or 7.5.");
            return null;
        }
    }

    private static <E extends Enum<E> & dev.candor.storage.DbEnum> E pick(E[] values, String chosen, E otherwise) {
        for (E value : values) {
            if (value.dbValue().equals(chosen)) {
                return value;
            }
        }
        return otherwise;
    }
}
