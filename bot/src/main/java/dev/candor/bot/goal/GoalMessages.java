package dev.candor.bot.goal;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import dev.candor.storage.goal.GoalUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What goals say: lists with progress bars, confirmations, the choice between goals a line matched, help. */
final class GoalMessages {
    static final String UPDATE_BUTTON = "goal.update";
    static final String UPDATE_TYPED = "goal.update.typed";
    /** One tap on a status under a goal: its value stays, the status is recorded as an update. */
    static final String STATUS_BUTTON = "goal.status";
    /** A list shows this many goals, so that a Slack message stays under 50 blocks. */
    static final int SHOWN = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private GoalMessages() {}

    static String goals(Platform platform) {
        return Syntax.command(platform, "goals");
    }

    static Message help(Platform platform) {
        String goals = goals(platform);
        return new Message(
                "Goals: " + goals + " add, " + goals + " update, " + goals + ", " + goals + " @name, " + goals
                        + " team",
                List.of(
                        new Block.Section(Text.builder()
                                .strong(goals)
                                .plain(
                                        " shows your goals of this cycle with their progress; each has an Update button.")
                                .lineBreak()
                                .strong(goals + " add Ship the billing migration by 2027-03-31 from 0 to 120 customers")
                                .plain(" adds one in a line (percent unless you say from … to …); ")
                                .strong(goals + " add")
                                .plain(
                                        " alone opens a form with owners, measure, who sees it, what it contributes to and its key"
                                                + " results, one per line.")
                                .lineBreak()
                                .strong(goals + " update billing 60% at risk waiting on finance")
                                .plain(" updates the goal whose title has those words: a value, a status (on track, at"
                                        + " risk, off track, done) and a comment, each optional.")
                                .lineBreak()
                                .strong(goals + " move docs under billing")
                                .plain(" makes a goal a key result of another (… under nothing: of none).")
                                .lineBreak()
                                .strong(goals + " @name")
                                .plain(" shows someone's goals that you may see; ")
                                .strong(goals + " team")
                                .plain(" shows your reports' goals, at risk, off track and stale first; ")
                                .strong(goals + " remind")
                                .plain(" asks those of them with stale goals to update them now, not at the week's"
                                        + " ask; ")
                                .strong(goals + " company")
                                .plain(" the company's goals and what contributes to them; ")
                                .strong(goals + " export")
                                .plain(" (HR admins) the cycle's goals and updates as CSV.")
                                .build()),
                        new Block.Context(Text.of("Who sees a goal: everyone; or the owners' team and managers; or only"
                                + " the owners and their managers."))));
    }

    static Message usage(Platform platform) {
        return Message.of("Try " + goals(platform) + " add Ship the billing migration by 2027-03-31, " + goals(platform)
                + " update billing 60% at risk, or " + goals(platform) + " help.");
    }

    static Message updateUsage(Platform platform) {
        return Message.of("Say which goal and what changed, e.g. " + goals(platform)
                + " update billing 60% at risk waiting on finance.");
    }

    /** A goal's title, status and progress bar. */
    static List<Block> progress(Goal goal) {
        return List.of(
                new Block.Section(Text.builder()
                        .strong(goal.title())
                        .plain("  " + statusLabel(goal.status()))
                        .build()),
                bar(goal));
    }

    /** The progress bar, labelled with where the goal is unless that is the percentage the bar shows anyway. */
    static Block.Progress bar(Goal goal) {
        boolean plainPercent = goal.measure() == GoalMeasure.PERCENT || goal.children() > 0 && !goal.progressByHand();
        return Block.Progress.percent(plainPercent ? "Progress" : value(goal), goal.progress());
    }

    static String statusLabel(GoalStatus status) {
        return switch (status) {
            case ON_TRACK -> "🟢 On track";
            case AT_RISK -> "🟠 At risk";
            case OFF_TRACK -> "🔴 Off track";
            case DONE -> "✅ Done";
        };
    }

    /** Where the goal is: "60%", "45 of 120 customers", "Not done". */
    static String value(Goal goal) {
        return switch (goal.measure()) {
            case PERCENT -> plain(goal.currentValue()) + "%";
            case DONE -> goal.currentValue().signum() > 0 ? "Done" : "Not done";
            case NUMBER ->
                plain(goal.currentValue()) + " of " + plain(goal.targetValue())
                        + (goal.unit() == null ? "" : " " + goal.unit())
                        + (goal.startValue().signum() == 0 ? "" : " (from " + plain(goal.startValue()) + ")");
        };
    }

    static String range(Goal goal) {
        return "from " + plain(goal.startValue()) + " to " + plain(goal.targetValue())
                + (goal.unit() == null ? "" : " " + goal.unit());
    }

    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    static String owners(Goal goal) {
        List<String> names = goal.ownerNames();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String historyLine(Goal goal, GoalUpdate update) {
        Goal before = Goals.withValue(goal, update.oldValue());
        Goal after = Goals.withValue(goal, update.newValue());
        String line = update.personName() + ", "
                + DAY.format(LocalDate.ofInstant(update.createdAt(), java.time.ZoneOffset.UTC)) + ": " + value(before)
                + (update.oldValue().compareTo(update.newValue()) == 0 && update.oldStatus() == update.newStatus()
                        ? ", " + update.newStatus().words() + ", confirmed"
                        : " → " + value(after));
        if (update.oldStatus() != update.newStatus()) {
            line += ", " + update.oldStatus().words() + " → "
                    + update.newStatus().words();
        }
        return update.comment() == null ? line : line + ". " + update.comment();
    }

    /** One goal in a list: title and status, progress bar, due day and owners, Update when the reader may. */
    static List<Block> item(Goal goal, boolean updatable, Instant now, int staleDays) {
        List<Block> blocks = new ArrayList<>(progress(goal));
        List<String> facts = new ArrayList<>();
        if (goal.dueOn() != null) {
            facts.add("due " + DAY.format(goal.dueOn()));
        }
        if (goal.children() > 0) {
            facts.add(goal.children()
                    + (goal.children() == 1 ? " key result" : " key results")
                    + (goal.progressByHand() ? ", progress set by hand" : ", progress is their average"));
        }
        if (goal.ownerIds().size() > 1) {
            facts.add("owners " + owners(goal));
        }
        long days = Duration.between(goal.updatedAt(), now).toDays();
        facts.add(days == 0 ? "updated today" : "updated " + days + (days == 1 ? " day ago" : " days ago"));
        if (stale(goal, now, staleDays)) {
            facts.add("⏳ stale");
        }
        facts.add(GoalForms.visibilityLabel(goal.visibility()).toLowerCase(Locale.ROOT));
        blocks.add(new Block.Context(Text.of(capitalised(String.join(" · ", facts)))));
        if (updatable) {
            blocks.add(new Block.Buttons(List.of(
                    new Block.Button(UPDATE_BUTTON, "Update", Long.toString(goal.id()), Block.ButtonStyle.DEFAULT))));
        }
        return blocks;
    }

    static boolean stale(Goal goal, Instant now, int staleDays) {
        return goal.status() != GoalStatus.DONE
                && Duration.between(goal.updatedAt(), now).toDays() >= staleDays;
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static Message none(Platform platform, GoalCycle cycle) {
        return new Message(
                "You have no goals in " + cycle.name() + " yet.",
                List.of(
                        new Block.Section(Text.of("You have no goals in " + cycle.name() + " yet.")),
                        new Block.Context(Text.of(goals(platform) + " add Ship the billing migration by "
                                + cycle.endsOn() + " sets one in a line; " + goals(platform)
                                + " add opens a form."))));
    }

    static Message added(Goal goal, Platform platform) {
        List<Block> blocks = new ArrayList<>();
        String keyResults = goal.children() == 0
                ? ""
                : ", with " + goal.children() + (goal.children() == 1 ? " key result" : " key results");
        blocks.add(new Block.Section(Text.builder()
                .plain("🎯 Added to " + goal.cycleName() + ": ")
                .strong(goal.title())
                .plain(keyResults)
                .build()));
        blocks.add(bar(goal));
        blocks.add(new Block.Context(Text.of(
                capitalised((goal.dueOn() == null ? "no due day" : "due " + DAY.format(goal.dueOn())) + " · owners "
                        + owners(goal) + " · "
                        + GoalForms.visibilityLabel(goal.visibility()).toLowerCase(Locale.ROOT)
                        + ". Update it with " + goals(platform) + " update " + firstWord(goal.title())
                        + " … or its Update button."))));
        blocks.add(new Block.Buttons(List.of(
                new Block.Button(UPDATE_BUTTON, "Update", Long.toString(goal.id()), Block.ButtonStyle.DEFAULT))));
        return new Message("🎯 Added to " + goal.cycleName() + ": " + goal.title() + keyResults, blocks);
    }

    private static String firstWord(String title) {
        for (String word : title.split("\\s+")) {
            if (word.length() > 3) {
                return word.toLowerCase(Locale.ROOT);
            }
        }
        return title.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    static Message updated(Goal before, Goal after) {
        String change = value(before) + " → " + value(after)
                + (before.status() == after.status()
                        ? ""
                        : ", " + before.status().words() + " → "
                                + after.status().words());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder()
                .plain("✅ Updated ")
                .strong(after.title())
                .plain(": " + change)
                .build()));
        blocks.add(bar(after));
        blocks.add(new Block.Context(Text.of("Kept in its history with your comment, if you wrote one.")));
        return new Message("✅ Updated " + after.title() + ": " + change, blocks);
    }

    /** The goals a line matched, each with a button that opens its update form with what was typed. */
    static Message choose(List<Goal> goals, String typed) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.of("Several goals match; which one do you mean?")));
        List<Block.Button> buttons = new ArrayList<>();
        for (Goal goal : goals.subList(0, Math.min(goals.size(), 5))) {
            buttons.add(new Block.Button(
                    UPDATE_TYPED, buttonLabel(goal), goal.id() + "\n" + typed, Block.ButtonStyle.DEFAULT));
        }
        blocks.add(new Block.Buttons(buttons));
        if (goals.size() > 5) {
            blocks.add(new Block.Context(Text.of("…and " + (goals.size() - 5) + " more: add a word of the title.")));
        }
        return new Message("Several goals match; which one do you mean?", blocks);
    }

    /** Slack keeps a button's text to 75 characters. */
    private static String buttonLabel(Goal goal) {
        return goal.title().length() <= 40 ? goal.title() : goal.title().substring(0, 39) + "…";
    }

    static Message noMatch(Platform platform, List<String> words) {
        return Message.of("None of the goals you can update has \"" + String.join(" ", words) + "\" in its title. "
                + goals(platform) + " lists yours.");
    }
}
