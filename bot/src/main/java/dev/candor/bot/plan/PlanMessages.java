package dev.candor.bot.plan;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.plan.Plan;
import dev.candor.storage.plan.PlanCheckin;
import dev.candor.storage.plan.PlanEvent;
import dev.candor.storage.plan.PlanGoal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What improvement plans show: the help, a plan with its history, the list, and the buttons under them. */
final class PlanMessages {
    /** The latest events a plan shows; Slack allows 50 blocks in a message. */
    static final int HISTORY = 10;

    static final String ACK = "plan.ack";
    static final String COMMENT = "plan.comment";
    static final String NOTE = "plan.note";
    static final String SHOW = "plan.show";
    static final String OUTCOME = "plan.outcome";
    static final String EXTEND = "plan.extend";

    private PlanMessages() {}

    static Message help(Platform platform) {
        return new Message(
                "Improvement plans: " + PlanText.plan(platform, "new @person") + ", " + PlanText.plan(platform, "list")
                        + ", " + PlanText.plan(platform, "show ID"),
                List.of(
                        new Block.Section(Text.builder()
                                .strong(PlanText.plan(platform, "new @person"))
                                .plain(
                                        " (their manager, or HR admins) writes an improvement plan in a form: its goals, each with"
                                                + " how success is measured, the days it runs and its check-in days. The person and HR"
                                                + " admins are told; the person acknowledges it and may comment.")
                                .lineBreak()
                                .strong(PlanText.plan(platform, "list"))
                                .plain(" the plans you may read (HR: every open plan); ")
                                .strong(PlanText.plan(platform, "show ID"))
                                .plain(" or ")
                                .strong(PlanText.plan(platform, "show @person"))
                                .plain(" one plan with its history.")
                                .lineBreak()
                                .strong(PlanText.plan(platform, "ack ID"))
                                .plain(" acknowledges your plan; ")
                                .strong(PlanText.plan(platform, "comment ID text"))
                                .plain(" adds a comment (the person, their manager, HR).")
                                .lineBreak()
                                .strong(PlanText.plan(platform, "note ID text"))
                                .plain(" the manager's follow-up notes of the latest check-in; ")
                                .strong(PlanText.plan(platform, "outcome ID completed"))
                                .plain(", ")
                                .strong(PlanText.plan(platform, "outcome ID extended YYYY-MM-DD"))
                                .plain(" or ")
                                .strong(PlanText.plan(platform, "outcome ID ended"))
                                .plain(" closes or extends it.")
                                .build()),
                        new Block.Context(Text.of("Only the person, their manager and HR admins can read a plan."
                                + " Candor reminds the manager the working day before each check-in, asks for"
                                + " follow-up notes after it and for the outcome at the end."))));
    }

    /** The whole plan as {@code access} may act on it, with times in {@code zone}. */
    static Message plan(PlanFile file, Access access, Platform platform, ZoneId zone) {
        Plan plan = file.plan();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Improvement plan " + PlanText.name(plan.id()) + " · " + plan.employeeName()));
        blocks.addAll(summary(file, zone));
        blocks.addAll(history(file, zone));
        List<Block.Button> buttons = buttons(plan, access);
        if (!buttons.isEmpty()) {
            blocks.add(new Block.Buttons(buttons));
        }
        blocks.add(new Block.Context(Text.of("Only " + plan.employeeName() + ", their manager and HR admins can read"
                + " this plan. " + PlanText.plan(platform, "help") + " lists what you can do.")));
        return new Message(
                "Improvement plan " + PlanText.name(plan.id()) + " for " + plan.employeeName() + ", "
                        + PlanText.day(plan.startsOn()) + " to " + PlanText.day(plan.endsOn()),
                blocks);
    }

    /** The fields, goals and check-in days of a plan: what its DMs show too. */
    static List<Block> summary(PlanFile file, ZoneId zone) {
        Plan plan = file.plan();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(List.of(
                new Block.Field("Runs", Text.of(PlanText.day(plan.startsOn()) + " → " + PlanText.day(plan.endsOn()))),
                new Block.Field("State", Text.of(state(plan, zone))),
                new Block.Field("Manager", Text.of(plan.managerName() == null ? "—" : plan.managerName())),
                new Block.Field(
                        "Acknowledged",
                        Text.of(
                                plan.acknowledgedAt() == null
                                        ? "Not yet"
                                        : PlanText.moment(plan.acknowledgedAt(), zone))))));
        blocks.add(goals(file.goals()));
        Text.Builder checkins = Text.builder().strong("Check-ins");
        for (PlanCheckin checkin : file.checkins()) {
            checkins.lineBreak()
                    .plain("• " + PlanText.day(checkin.onDate())
                            + (checkin.notes() == 0
                                    ? ""
                                    : " — " + checkin.notes() + (checkin.notes() == 1 ? " note" : " notes")));
        }
        checkins.lineBreak().plain("• " + PlanText.day(plan.endsOn()) + " — end: the outcome");
        blocks.add(new Block.Section(checkins.build()));
        return blocks;
    }

    /** The goals, each with its success measure. */
    static Block goals(List<PlanGoal> goals) {
        Text.Builder text = Text.builder().strong("Goals");
        for (PlanGoal goal : goals) {
            text.lineBreak()
                    .plain(goal.position() + ". " + goal.goal())
                    .lineBreak()
                    .emphasis("Success measure:")
                    .plain(" " + goal.measure());
        }
        return new Block.Section(text.build());
    }

    private static String state(Plan plan, ZoneId zone) {
        return plan.isOpen()
                ? "Open"
                : (plan.state().dbValue().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                        + plan.state().dbValue().substring(1) + " " + PlanText.moment(plan.closedAt(), zone));
    }

    /** The latest events, oldest first: comments and notes quoted, with who and when. */
    private static List<Block> history(PlanFile file, ZoneId zone) {
        List<Block> blocks = new ArrayList<>();
        int hidden = Math.max(0, file.events().size() - HISTORY);
        Text.Builder title = Text.builder().strong("History");
        if (hidden > 0) {
            title.plain(" (" + hidden + " earlier not shown)");
        }
        blocks.add(new Block.Section(title.build()));
        for (PlanEvent event : file.events().subList(hidden, file.events().size())) {
            String line = PlanText.moment(event.at(), zone) + " · " + event.personName() + " · " + label(event);
            blocks.add(
                    event.body() == null
                            ? new Block.Context(Text.of(line))
                            : new Block.Quote(Text.builder()
                                    .emphasis(line)
                                    .lineBreak()
                                    .plain(event.body())
                                    .build()));
        }
        return blocks;
    }

    static String label(PlanEvent event) {
        return switch (event.kind()) {
            case CREATED -> "started the plan";
            case ACKNOWLEDGED -> "acknowledged it";
            case COMMENT -> "comment";
            case NOTE ->
                event.checkinOn() == null ? "note" : "notes of the check-in of " + PlanText.day(event.checkinOn());
            case OUTCOME ->
                event.endsOn() != null
                        ? "extended it to " + PlanText.day(event.endsOn())
                        : "closed it: " + event.outcome();
        };
    }

    private static List<Block.Button> buttons(Plan plan, Access access) {
        String id = Long.toString(plan.id());
        List<Block.Button> buttons = new ArrayList<>();
        if (access == Access.EMPLOYEE && plan.acknowledgedAt() == null) {
            buttons.add(new Block.Button(ACK, "Acknowledge", id, Block.ButtonStyle.PRIMARY));
        }
        buttons.add(new Block.Button(COMMENT, "Add a comment", id, Block.ButtonStyle.DEFAULT));
        if (access.runsIt() && plan.isOpen()) {
            buttons.add(new Block.Button(NOTE, "Write notes", id, Block.ButtonStyle.DEFAULT));
        }
        return buttons;
    }

    /** The plans one person may read, open ones first. */
    static Message list(List<Plan> plans, Platform platform, boolean hr) {
        if (plans.isEmpty()) {
            return Message.of(
                    hr
                            ? "No improvement plans are open. " + PlanText.plan(platform, "new @person")
                                    + " writes one."
                            : "There are no improvement plans you can see.");
        }
        Text.Builder lines = Text.builder();
        for (Plan plan : plans) {
            lines.strong(PlanText.name(plan.id()) + " " + plan.employeeName())
                    .plain(" · " + plan.state().dbValue() + " · " + PlanText.day(plan.startsOn()) + " → "
                            + PlanText.day(plan.endsOn())
                            + (plan.acknowledgedAt() == null ? " · not acknowledged yet" : ""))
                    .lineBreak();
        }
        return new Message(
                hr ? "Open improvement plans" : "Improvement plans",
                List.of(
                        new Block.Header(hr ? "Open improvement plans" : "Improvement plans"),
                        new Block.Section(lines.build()),
                        new Block.Context(Text.of(PlanText.plan(platform, "show ID") + " shows one."))));
    }

    /** The confirmation to whoever started a plan. */
    static Message started(PlanFile file, Platform platform) {
        Plan plan = file.plan();
        List<String> days = file.checkins().stream()
                .map(checkin -> PlanText.day(checkin.onDate()))
                .toList();
        boolean theirs = plan.ownerId() == plan.createdBy();
        String owner = theirs ? "you" : plan.managerName();
        return Message.of("📋 Started improvement plan " + PlanText.name(plan.id()) + " for " + plan.employeeName()
                + ", " + PlanText.day(plan.startsOn()) + " to " + PlanText.day(plan.endsOn()) + ", with "
                + (days.size() == 1 ? "a check-in on " : "check-ins on ") + String.join(", ", days) + ". "
                + plan.employeeName() + (theirs ? "" : ", " + plan.managerName()) + " and HR admins are told, and "
                + plan.employeeName() + " is asked to acknowledge it. Candor reminds " + owner
                + " the working day before each check-in, asks for follow-up notes after it and for the outcome at"
                + " the end. " + PlanText.plan(platform, "show " + plan.id()) + " shows it.");
    }

    /** The one answer for a plan that doesn't exist and for one the person may not read. */
    static String noSuchPlan(Platform platform, String id) {
        return "There is no improvement plan " + id + " that you can see. " + PlanText.plan(platform, "list")
                + " shows yours.";
    }
}
