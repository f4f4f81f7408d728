package dev.candor.bot.goal;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalStatus;
import dev.candor.storage.people.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading goals: one's own, someone's (what the visibility allows), and a manager's team, worst first. */
final class GoalReading {
    private final Goals goals;

    GoalReading(Goals goals) {
        this.goals = goals;
    }

    Message mine(Actor actor) {
        GoalCycle cycle = goals.cycle(actor);
        List<Goal> mine = goals.ownedBy(actor, actor.personId());
        if (mine.isEmpty()) {
            return GoalMessages.none(actor.platform(), cycle);
        }
        return list("Your goals · " + cycle.name(), actor, mine);
    }

    Message of(Actor actor, Person person) {
        GoalCycle cycle = goals.cycle(actor);
        List<Goal> theirs = goals.ownedBy(actor, person.id());
        if (theirs.isEmpty()) {
            return Message.of(person.name() + " has no goals in " + cycle.name() + " that you can see.");
        }
        return list(person.name() + "'s goals · " + cycle.name(), actor, theirs);
    }

    private Message list(String title, Actor actor, List<Goal> shown) {
        Instant now = goals.clock().instant();
        int staleDays = goals.staleDays(actor);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(title));
        for (Goal goal : shown.subList(0, Math.min(shown.size(), GoalMessages.SHOWN))) {
            blocks.addAll(GoalMessages.item(goal, Goals.mayUpdate(actor, goal), now, staleDays));
        }
        if (shown.size() > GoalMessages.SHOWN) {
            blocks.add(new Block.Context(Text.of("…and " + (shown.size() - GoalMessages.SHOWN) + " more.")));
        }
        return new Message(title + ": " + shown.size() + (shown.size() == 1 ? " goal" : " goals"), blocks);
    }

    /** Each report's goals, those at risk, off track or stale first, as one line each. */
    Message team(Actor actor) {
        GoalCycle cycle = goals.cycle(actor);
        List<Goal> all = goals.ofReports(actor);
        if (all.isEmpty()) {
            return Message.of("None of your reports has a goal in " + cycle.name() + " yet (or you have no reports in"
                    + " Candor's directory; HR sets managers with the people import).");
        }
        Instant now = goals.clock().instant();
        int staleDays = goals.staleDays(actor);
        List<Goal> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt((Goal goal) -> urgency(goal, now, staleDays))
                .thenComparing(Goal::id));
        Map<String, List<Goal>> byOwner = new LinkedHashMap<>();
        for (Goal goal : sorted) {
            byOwner.computeIfAbsent(GoalMessages.owners(goal), owners -> new ArrayList<>())
                    .add(goal);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your team's goals · " + cycle.name()));
        long attention =
                all.stream().filter(goal -> urgency(goal, now, staleDays) < 3).count();
        blocks.add(new Block.Context(Text.of(attention + " of " + all.size() + " need attention: at risk, off track"
                + " or not updated for " + staleDays + " days.")));
        for (Map.Entry<String, List<Goal>> owner : byOwner.entrySet()) {
            Text.Builder lines = Text.builder().strong(owner.getKey()).lineBreak();
            for (Goal goal : owner.getValue()) {
                lines.plain(bar(goal.progress()) + " " + goal.progress() + "% · " + goal.title() + " · "
                                + GoalMessages.statusLabel(goal.status())
                                + (GoalMessages.stale(goal, now, staleDays) ? " · ⏳ stale" : ""))
                        .lineBreak();
            }
            blocks.add(new Block.Section(lines.build()));
        }
        return new Message("Your team's goals: " + attention + " of " + all.size() + " need attention", blocks);
    }

    /** The company's goals and, beneath each, its key results (with how many goals each has beneath) the person may see. */
    Message company(Actor actor) {
        GoalCycle cycle = goals.cycle(actor);
        List<Goal> roots = goals.company(actor, GoalMessages.SHOWN + 1);
        if (roots.isEmpty()) {
            return Message.of("There are no company goals in " + cycle.name() + " yet. HR admins add them with "
                    + GoalMessages.goals(actor.platform()) + " add (Company goal: yes).");
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Company goals · " + cycle.name()));
        List<Goal> shown = roots.subList(0, Math.min(roots.size(), GoalMessages.SHOWN));
        List<Goal> children = goals.childrenOf(actor, shown);
        Map<Long, List<Goal>> byParent = new LinkedHashMap<>();
        for (Goal goal : children) {
            byParent.computeIfAbsent(goal.parentId(), parent -> new ArrayList<>())
                    .add(goal);
        }
        for (Goal root : shown) {
            Text.Builder tree = Text.builder();
            line(tree, root, 0);
            for (Goal child : byParent.getOrDefault(root.id(), List.of())) {
                line(tree, child, 1);
            }
            blocks.add(new Block.Section(tree.build()));
        }
        blocks.add(new Block.Context(Text.of("An objective's progress is its key results' average unless its owners set"
                + " it by hand. Goals you may not see are left out.")));
        return new Message("Company goals · " + cycle.name() + ": " + shown.size(), blocks);
    }

    private static void line(Text.Builder tree, Goal goal, int depth) {
        String indent = "    ".repeat(depth) + (depth == 0 ? "" : "↳ ");
        tree.plain(indent + bar(goal.progress()) + " " + goal.progress() + "% · ");
        if (depth == 0) {
            tree.strong(goal.title());
        } else {
            tree.plain(goal.title());
        }
        tree.plain(" · " + GoalMessages.owners(goal) + " · " + GoalMessages.statusLabel(goal.status()));
        if (depth > 0 && goal.children() > 0) {
            tree.plain(" · " + goal.children() + (goal.children() == 1 ? " goal" : " goals") + " beneath");
        }
        tree.lineBreak();
    }

    /** 0: off track, 1: at risk, 2: stale, 3: the rest, 4: done. */
    private static int urgency(Goal goal, Instant now, int staleDays) {
        if (goal.status() == GoalStatus.DONE) {
            return 4;
        }
        if (goal.status() == GoalStatus.OFF_TRACK) {
            return 0;
        }
        if (goal.status() == GoalStatus.AT_RISK) {
            return 1;
        }
        return GoalMessages.stale(goal, now, staleDays) ? 2 : 3;
    }

    /** Ten blocks, one per 10 %. */
    static String bar(int progress) {
        int full = Math.round(progress / 10f);
        return "▓".repeat(full) + "░".repeat(10 - full);
    }
}
