package dev.candor.bot.goal;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.bot.server.FileLinks;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /goals}: alone, your goals; {@code add} (a line, or alone the form), {@code update} (a line), {@code @name},
 * {@code team}, {@code help}; the Update buttons under goals and the forms they open.
 */
public final class GoalsHandler implements CommandHandler, Handlers.ActionHandler, Handlers.FormHandler {
    private final Goals goals;
    private final GoalReading reading;
    private final GoalInput input;
    private final GoalHome home;
    private final GoalExport export;
    private final GoalClosing closing;
    private final GoalCheckin checkinQuestions;
    private final GoalAskNow askNow;

    public GoalsHandler(Jdbi jdbi, PeopleDirectory directory, Clock clock) {
        this(jdbi, directory, clock, null);
    }

    /** With HR's CSV export through expiring links under PUBLIC_URL ({@code files}). */
    public GoalsHandler(Jdbi jdbi, PeopleDirectory directory, Clock clock, FileLinks files) {
        this.export = new GoalExport(jdbi, files);
        this.closing = new GoalClosing(jdbi, clock);
        this.goals = new Goals(jdbi, directory, clock);
        this.reading = new GoalReading(goals);
        this.input = new GoalInput(directory);
        this.home = new GoalHome(goals);
        this.checkinQuestions = new GoalCheckin(clock);
        this.askNow = new GoalAskNow(jdbi, clock);
    }

    /** The goal-progress question of check-ins: the person's goals in the form, updated by the answer. */
    public dev.candor.bot.ask.GoalQuestions checkinQuestions() {
        return checkinQuestions;
    }

    /** Goals' section of the person's home (the Slack App Home, the welcome of the Teams personal chat). */
    public dev.candor.bot.chat.HomeSection home() {
        return home;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        String rest = command.text().substring(command.verb().length()).strip();
        if (command.text().isEmpty()) {
            return Reply.privately(reading.mine(actor));
        }
        if (!command.mentions().isEmpty() && command.text().startsWith("@")) {
            return person(actor, command.mentions().get(0));
        }
        return switch (command.verb()) {
            case "help" -> Reply.privately(GoalMessages.help(actor.platform()));
            case "team" -> Reply.privately(reading.team(actor));
            case "remind" -> Reply.privately(askNow.reports(actor));
            case "move" -> Reply.privately(move(actor, rest));
            case "company" -> Reply.privately(reading.company(actor));
            case "export" -> export.export(actor, goals.cycle(actor), command.sourceKey());
            case "add" -> rest.isEmpty() ? Reply.form(addForm(actor)) : add(command, rest);
            case "update" ->
                rest.isEmpty()
                        ? Reply.privately(GoalMessages.updateUsage(actor.platform()))
                        : update(actor, rest, command.sourceKey());
            default -> Reply.privately(GoalMessages.usage(actor.platform()));
        };
    }

    private Reply person(Actor actor, Mention mention) {
        try {
            return Reply.privately(reading.of(actor, goals.person(actor, mention)));
        } catch (ProfileSource.NoSuchUser unknown) {
            return Reply.privately(mention.displayName() + " isn't in this workspace's directory.");
        }
    }

    private dev.candor.bot.chat.Form addForm(Actor actor) {
        return GoalForms.add(
                new Mention(actor.platformUserId(), actor.name()),
                goals.cycle(actor),
                goals.parents(actor),
                goals.mayAddCompanyGoals(actor));
    }

    private Reply add(Command command, String text) {
        Actor actor = command.actor();
        GoalLine.Added line = GoalLine.add(text);
        if (line.problem() != null) {
            return Reply.privately(line.problem());
        }
        Goals.Added added = goals.add(
                actor,
                new Goals.NewGoal(
                        line.title(),
                        null,
                        List.of(),
                        line.due(),
                        line.measure(),
                        line.from(),
                        line.to(),
                        line.unit(),
                        dev.candor.storage.goal.GoalVisibility.EVERYONE,
                        null,
                        false,
                        List.of()),
                command.sourceKey());
        return Reply.privately(
                added.goal() == null
                        ? Message.of(added.problem())
                        : GoalMessages.added(added.goal(), actor.platform()));
    }

    private Reply update(Actor actor, String text, String sourceKey) {
        GoalLine.Updated line = GoalLine.update(text);
        if (line.problem() != null) {
            return Reply.privately(GoalMessages.updateUsage(actor.platform()));
        }
        List<Goal> found = goals.matching(actor, line.words());
        if (found.isEmpty()) {
            return Reply.privately(GoalMessages.noMatch(actor.platform(), line.words()));
        }
        if (found.size() > 1) {
            String typed =
                    text.substring(String.join(" ", line.words()).length()).strip();
            return Reply.privately(GoalMessages.choose(found, typed));
        }
        Goal goal = found.get(0);
        BigDecimal value = line.value() == null ? null : Goals.valueOf(goal, line.value(), line.percent());
        Goals.Updated updated = goals.update(actor, goal, value, line.status(), line.comment(), sourceKey);
        return Reply.privately(
                updated.problem() != null
                        ? Message.of(updated.problem())
                        : GoalMessages.updated(updated.before(), updated.after()));
    }

    /** {@code move WORDS under WORDS}, or {@code under nothing}: what a goal contributes to. */
    private Message move(Actor actor, String text) {
        String[] parts = text.split("(?i)\\s+under\\s+", 2);
        String usage = "Say which goal and what it contributes to, e.g. " + GoalMessages.goals(actor.platform())
                + " move docs under billing, or … under nothing.";
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            return Message.of(usage);
        }
        List<Goal> found = goals.matching(actor, words(parts[0]));
        if (found.size() != 1) {
            return Message.of(
                    found.isEmpty()
                            ? "None of the goals you can update has \"" + parts[0].strip() + "\" in its title."
                            : "Several of your goals match \"" + parts[0].strip() + "\": " + titles(found)
                                    + ". Say more of the title.");
        }
        Goal goal = found.get(0);
        String under = parts[1].strip();
        if (under.equalsIgnoreCase("nothing") || under.equalsIgnoreCase("none")) {
            return Message.of(goals.move(actor, goal, null));
        }
        List<Goal> parents = goals.parents(actor).stream()
                .filter(parent -> parent.id() != goal.id())
                .filter(parent -> words(under).stream().allMatch(word -> parent.title()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains(word.toLowerCase(java.util.Locale.ROOT))))
                .toList();
        if (parents.size() != 1) {
            return Message.of(
                    parents.isEmpty()
                            ? "No goal it may contribute to (a company goal, yours or your manager's) has \"" + under
                                    + "\" in its title."
                            : "Several goals match \"" + under + "\": " + titles(parents) + ". Say more of the title.");
        }
        return Message.of(goals.move(actor, goal, parents.get(0)));
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    private static String titles(List<Goal> found) {
        return String.join(
                ", ",
                found.stream().limit(5).map(goal -> "\"" + goal.title() + "\"").toList());
    }

    @Override
    public Reply handle(Action action) {
        Actor actor = action.actor();
        if (action.actionId().equals(GoalHome.ADD)) {
            return Reply.form(addForm(actor));
        }
        if (action.actionId().equals(GoalClosing.SCORE)) {
            return goals.visible(actor, action.value())
                    .filter(goal -> Goals.mayUpdate(actor, goal))
                    .map(goal -> Reply.form(GoalClosing.form(goal)))
                    .orElse(Reply.privately("Only a goal's owners or their manager score it."));
        }
        if (action.actionId().equals(GoalMessages.STATUS_BUTTON)) {
            return status(actor, action);
        }
        String[] parts = action.value().split("\n", 2);
        Optional<Goal> goal = goals.visible(actor, parts[0]);
        if (goal.isEmpty() || !Goals.mayUpdate(actor, goal.get())) {
            return Reply.privately(
                    goal.isEmpty()
                            ? "That goal isn't one you can see any more."
                            : "Only " + GoalMessages.owners(goal.get()) + " or their manager can update it.");
        }
        if (action.actionId().equals(GoalMessages.UPDATE_TYPED) && parts.length > 1) {
            GoalLine.Updated typed = GoalLine.update("goal " + parts[1]);
            BigDecimal value = typed.value() == null ? null : Goals.valueOf(goal.get(), typed.value(), typed.percent());
            return Reply.form(GoalForms.update(
                    goal.get(), goals.history(actor, goal.get(), 3), value, typed.status(), typed.comment()));
        }
        return Reply.form(GoalForms.update(goal.get(), goals.history(actor, goal.get(), 3), null, null, null));
    }

    /** "42:at_risk": the goal's status, its value unchanged. */
    private Reply status(Actor actor, Action action) {
        String[] parts = action.value().split(":", 2);
        Optional<Goal> goal = goals.visible(actor, parts[0]);
        GoalStatus status = null;
        for (GoalStatus each : GoalStatus.values()) {
            if (parts.length > 1 && each.dbValue().equals(parts[1])) {
                status = each;
            }
        }
        if (goal.isEmpty() || status == null) {
            return Reply.privately("That goal isn't one you can see any more.");
        }
        Goals.Updated updated = goals.update(actor, goal.get(), null, status, null, action.sourceKey());
        return Reply.privately(
                updated.problem() != null
                        ? Message.of(updated.problem())
                        : GoalMessages.updated(updated.before(), updated.after()));
    }

    @Override
    public Reply handle(FormSubmission form) {
        Actor actor = form.actor();
        if (form.formId().equals(GoalForms.ADD)) {
            GoalInput.Read<Goals.NewGoal> read = input.newGoal(form);
            if (read.errors() != null) {
                return new Reply.FormErrors(read.errors());
            }
            Goals.Added added = goals.add(actor, read.value(), form.sourceKey());
            if (added.goal() == null) {
                return added.field() == null
                        ? Reply.privately(added.problem())
                        : new Reply.FormErrors(Map.of(added.field(), added.problem()));
            }
            return Reply.privately(GoalMessages.added(added.goal(), actor.platform()));
        }
        Optional<Goal> goal = goals.visible(actor, form.context());
        if (goal.isEmpty()) {
            return Reply.privately("That goal isn't one you can see any more.");
        }
        if (form.formId().equals(GoalClosing.SCORE)) {
            return Goals.mayUpdate(actor, goal.get())
                    ? closing.score(actor, goal.get(), form)
                    : Reply.privately("Only a goal's owners or their manager score it.");
        }
        GoalInput.Read<GoalInput.Change> read = input.change(form, goal.get());
        if (read.errors() != null) {
            return new Reply.FormErrors(read.errors());
        }
        GoalStatus status = read.value().status();
        Goals.Updated updated = goals.update(
                actor, goal.get(), read.value().value(), status, read.value().comment(), form.sourceKey());
        if (updated.problem() != null) {
            return updated.field() == null
                    ? Reply.privately(updated.problem())
                    : new Reply.FormErrors(Map.of(updated.field(), updated.problem()));
        }
        return Reply.privately(GoalMessages.updated(updated.before(), updated.after()));
    }
}
