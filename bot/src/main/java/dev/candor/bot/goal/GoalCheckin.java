package dev.candor.bot.goal;

import dev.candor.bot.ask.GoalQuestions;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.Question;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The goal-progress question of a check-in: the person's goals of the current cycle that are not done yet, each with
 * its value and status filled in, so that the weekly check-in updates them in the same form. A goal whose value or
 * status changed gets an update in its history; one left as it was is kept as confirmed (an update with the same
 * value) once per check-in, so that answering the check-in counts as looking at it and it does not go stale.
 */
final class GoalCheckin implements GoalQuestions {
    /** At most this many goals in a check-in form (two inputs each), soonest due first. */
    static final int MOST = 8;

    private final Clock clock;

    GoalCheckin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Form.Input> inputs(
            Handle handle, Actor actor, Question.Goals question, Map<String, List<String>> given) {
        List<Form.Input> inputs = new ArrayList<>();
        boolean first = true;
        for (Goal goal : listed(handle, actor, given, question)) {
            String item = Long.toString(goal.id());
            String value = one(given, question.valueId(item))
                    .orElse(
                            goal.measure() == GoalMeasure.DONE
                                    ? (goal.currentValue().signum() > 0 ? Form.YesNoInput.YES : Form.YesNoInput.NO)
                                    : GoalMessages.plain(goal.currentValue()));
            String status =
                    one(given, question.statusId(item)).orElse(goal.status().dbValue());
            String label = "🎯 " + GoalForms.shortTitle(goal.title());
            String now =
                    "Now " + GoalMessages.value(goal) + ", " + goal.status().words() + ".";
            String help = first ? question.prompt() + " " + now : now;
            first = false;
            inputs.add(
                    goal.measure() == GoalMeasure.DONE
                            ? new Form.YesNoInput(question.valueId(item), label + ": done?", false, value, help)
                            : new Form.NumberInput(
                                    question.valueId(item),
                                    goal.measure() == GoalMeasure.PERCENT
                                            ? label + " (%)"
                                            : label + " (" + GoalMessages.range(goal) + ")",
                                    goal.measure() == GoalMeasure.PERCENT ? BigDecimal.ZERO : null,
                                    goal.measure() == GoalMeasure.PERCENT ? BigDecimal.valueOf(100) : null,
                                    2,
                                    false,
                                    value,
                                    help));
            inputs.add(new Form.ChoiceInput(
                    question.statusId(item),
                    "Status",
                    Arrays.stream(GoalStatus.values())
                            .map(each -> new Form.Choice(each.dbValue(), GoalMessages.statusLabel(each)))
                            .toList(),
                    false,
                    false,
                    List.of(status)));
        }
        return inputs;
    }

    /** The person's open goals of the cycle, and any goal the earlier answer listed (done since, say). */
    private List<Goal> listed(Handle handle, Actor actor, Map<String, List<String>> given, Question.Goals question) {
        GoalDao dao = handle.attach(GoalDao.class);
        GoalCycle cycle = GoalCycles.on(handle, actor.orgId(), LocalDate.ofInstant(clock.instant(), actor.zone()));
        return dao.listOwnedBy(actor.orgId(), cycle.id(), actor.personId(), actor.personId()).stream()
                .filter(goal -> goal.status() != GoalStatus.DONE
                        || given.containsKey(question.statusId(Long.toString(goal.id()))))
                .limit(MOST)
                .toList();
    }

    @Override
    public Map<String, String> problems(
            Handle handle, Actor actor, Question.Goals question, List<Answers.Value.Progress.Item> items) {
        Map<String, String> problems = new LinkedHashMap<>();
        GoalDao dao = handle.attach(GoalDao.class);
        for (Answers.Value.Progress.Item item : items) {
            Optional<Goal> goal = goal(dao, actor, item);
            if (goal.isEmpty() || !Goals.mayUpdate(actor, goal.get())) {
                problems.put(question.valueId(item.id()), "This goal is no longer yours to update: leave it empty.");
                continue;
            }
            Object value = value(goal.get(), item.value());
            if (value instanceof String problem) {
                problems.put(question.valueId(item.id()), problem);
            }
            if (item.status() != null && status(item.status()) == null) {
                problems.put(question.statusId(item.id()), "Pick a status from the list.");
            }
        }
        return problems;
    }

    @Override
    public void apply(
            Handle handle,
            Actor actor,
            Ask ask,
            Question.Goals question,
            List<Answers.Value.Progress.Item> items,
            String sourceKey) {
        GoalDao dao = handle.attach(GoalDao.class);
        for (Answers.Value.Progress.Item item : items) {
            Optional<Goal> found = goal(dao, actor, item);
            if (found.isEmpty() || !(value(found.get(), item.value()) instanceof BigDecimal value)) {
                continue; // checked by problems() in the same transaction: gone only if deleted in between
            }
            Goal goal = found.get();
            GoalStatus status = item.status() == null ? goal.status() : status(item.status());
            BigDecimal given = item.value() == null ? goal.currentValue() : value;
            boolean unchanged = given.compareTo(goal.currentValue()) == 0 && status == goal.status();
            if (unchanged && ask.opensAt() != null && !goal.updatedAt().isBefore(ask.opensAt())) {
                continue; // looked at since this check-in was sent: nothing new to keep
            }
            Goals.update(
                    handle,
                    clock.instant(),
                    actor,
                    goal,
                    item.value() == null ? null : value,
                    status,
                    null,
                    (sourceKey == null ? "checkin:" + ask.id() + ":" + clock.millis() : sourceKey) + ":goal:"
                            + goal.id());
        }
    }

    private static Optional<Goal> goal(GoalDao dao, Actor actor, Answers.Value.Progress.Item item) {
        try {
            return dao.find(actor.orgId(), Long.parseLong(item.id()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The value in the goal's terms, its current value when none was given, or a String saying what to fix. */
    private static Object value(Goal goal, String given) {
        if (given == null) {
            return goal.currentValue();
        }
        if (goal.measure() == GoalMeasure.DONE) {
            return switch (given) {
                case Form.YesNoInput.YES -> BigDecimal.ONE;
                case Form.YesNoInput.NO -> BigDecimal.ZERO;
                default -> "Pick yes or no.";
            };
        }
        BigDecimal number;
        try {
            number = new BigDecimal(given.replace(',', '.').replace("%", "").strip());
        } catch (NumberFormatException e) {
            return "Write a number, e.g. 120 or 7.5.";
        }
        String problem = Goals.valueProblem(goal, number);
        return problem != null ? problem : number;
    }

    private static GoalStatus status(String given) {
        return Arrays.stream(GoalStatus.values())
                .filter(status -> status.dbValue().equals(given))
                .findFirst()
                .orElse(null);
    }

    private static Optional<String> one(Map<String, List<String>> given, String id) {
        return given.getOrDefault(id, List.of()).stream()
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }
}
