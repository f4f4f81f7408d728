package dev.candor.bot.checkin;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.ask.RoundCalendar;
import dev.candor.scheduler.checkin.CheckinSeries;
import dev.candor.storage.Platform;
import dev.candor.storage.checkin.Checkin;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The setup side of check-ins: usage, the list of setups, saving and sending. */
final class CheckinMessages {
    static final String NEW = "checkin.new";
    static final String EDIT = "checkin.edit";

    private CheckinMessages() {}

    static Message usage(Platform platform) {
        String text = String.join(
                "\n",
                checkin(platform, "") + " — answer your pending check-in, or see when the next one comes",
                checkin(platform, "history") + " — your last five check-ins with your manager's replies",
                checkin(platform, "setup") + " — set up or edit your team's check-ins (managers)",
                checkin(platform, "send [name]") + " — send this period's check-in now",
                checkin(platform, "remind [name]") + " — remind who hasn't answered yet",
                checkin(platform, "team [name]") + " — the latest round and everyone's mood over the last eight");
        return new Message(text, List.of(new Block.Header("Check-ins"), new Block.Section(Text.of(text))));
    }

    static Message notAManager() {
        return Message.of("Check-ins are set up by managers (people with direct reports in the directory) and HR"
                + " admins. If you lead a team, ask HR to import the directory with you as your reports' manager.");
    }

    static Message setups(List<Checkin> setups) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your check-ins"));
        for (Checkin checkin : setups) {
            blocks.add(new Block.Section(Text.builder()
                    .strong(checkin.name())
                    .lineBreak()
                    .plain(describe(checkin))
                    .build()));
            blocks.add(new Block.Buttons(List.of(new Block.Button(
                    EDIT, "Edit " + checkin.name(), String.valueOf(checkin.id()), Block.ButtonStyle.DEFAULT))));
        }
        blocks.add(new Block.Buttons(List.of(new Block.Button(NEW, "New check-in", "new", Block.ButtonStyle.PRIMARY))));
        return new Message("Your check-ins: " + setups.size(), blocks);
    }

    /**
     * @param platform the platform of the person who saved it
     * @param ownerName the manager an HR admin set it up for, else null
     */
    static Message saved(
            Platform platform,
            Checkin checkin,
            boolean created,
            RoundCalendar.Occurrence next,
            List<Unreachable> unreachable,
            String ownerName) {
        String text = (created ? "✅ Check-in \"" : "✅ Saved \"") + checkin.name() + "\": " + describe(checkin)
                + ". The next one opens " + day(next) + " (" + next.period() + ")."
                + (ownerName == null
                        ? " " + checkin(platform, "send") + " sends this period's now."
                        : forOwner(ownerName));
        return withUnreachable(text, unreachable);
    }

    /**
     * To a manager an HR admin set a check-in up for: what it asks, that the digest comes to them, how to change it.
     *
     * @param platform the manager's platform, where they will type the commands
     */
    static Message setUpForYou(Platform platform, Actor hr, Checkin checkin) {
        return Message.of("🗓 " + hr.name() + " set up the check-in \"" + checkin.name() + "\" for you: it "
                + describe(checkin) + ". You get its digest after each round and may change or send it:"
                + " " + checkin(platform, "setup") + ", " + checkin(platform, "send") + ".");
    }

    /** Saved by an HR admin for a manager. */
    private static String forOwner(String ownerName) {
        return " It is " + ownerName + "'s: they get the digest and may change or send it; Candor told them.";
    }

    /**
     * The text, then whom Candor can't reach and what fixes it: named to the owner so nobody is left out unseen.
     * The fallback text names them too (Teams and notifications show it).
     */
    static Message withUnreachable(String text, List<Unreachable> unreachable) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.of(text)));
        StringBuilder fallback = new StringBuilder(text);
        if (!unreachable.isEmpty()) {
            String names = String.join(
                    ", ", unreachable.stream().map(Unreachable::name).toList());
            String heading = "⚠️ Candor can't reach " + names + ", so they won't get the check-in:";
            Text.Builder list = Text.builder().plain(heading);
            for (Unreachable person : unreachable) {
                list.lineBreak()
                        .plain("• ")
                        .strong(person.name())
                        .plain(": " + person.explanation() + " " + person.fix());
            }
            blocks.add(new Block.Section(list.build()));
            blocks.add(new Block.Context(Text.of(howToFix(unreachable))));
            fallback.append("\n")
                    .append(heading.substring(0, heading.length() - 1))
                    .append(". ")
                    .append(howToFix(unreachable));
        }
        return new Message(fallback.toString(), blocks);
    }

    /** The platform's general remedy, under the list. */
    private static String howToFix(List<Unreachable> unreachable) {
        boolean teams = unreachable.stream().anyMatch(person -> person.platform() == Platform.TEAMS);
        boolean slack = unreachable.stream().anyMatch(person -> person.platform() == Platform.SLACK);
        List<String> fixes = new ArrayList<>();
        if (slack) {
            fixes.add("In Slack, check that they are in this workspace and that Candor is invited (installed) there.");
        }
        if (teams) {
            fixes.add("In Teams, install Candor for their team or organisation-wide (Teams admin center).");
        }
        return String.join(" ", fixes);
    }

    static String describe(Checkin checkin) {
        String who =
                switch (checkin.audience()) {
                    case REPORTS -> "your direct reports";
                    case CHANNEL -> "the members of a channel";
                    case PEOPLE -> "people you picked";
                };
        String when = CheckinSeries.calendar(checkin).describe();
        return "asks " + who + " " + when + " at " + checkin.localTime() + " their time, due "
                + checkin.deadlineDays() + " working day" + (checkin.deadlineDays() == 1 ? "" : "s") + " later; "
                + (checkin.standupChannel() == null
                        ? "answers go privately to the owner"
                        : "also posted as a stand-up");
    }

    static String day(RoundCalendar.Occurrence occurrence) {
        return occurrence.opensLocal().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + occurrence.opensLocal().toLocalDate() + " at "
                + occurrence.opensLocal().toLocalTime();
    }

    /** {@code /checkin send}'s answer: "sent to 4; Li gets it at 08:00 their time", the away, the unreachable. */
    static Message sent(Checkin checkin, String period, SendSummary summary) {
        StringBuilder text =
                new StringBuilder("📨 \"" + checkin.name() + "\" (" + period + ") sent to " + summary.now());
        summary.later().forEach(later -> text.append("; ").append(later));
        text.append('.');
        if (!summary.away().isEmpty()) {
            text.append(" Away, so not asked: ")
                    .append(String.join(", ", summary.away()))
                    .append('.');
        }
        return withUnreachable(text.toString(), summary.unreachable());
    }

    /** "Your next check-in from Maria comes Friday 14:00 your time". */
    static Message nextComes(Checkin checkin, String owner, LocalDateTime local) {
        String text = "Nothing to answer now. Your next check-in"
                + (owner == null ? "" : " from " + owner)
                + (checkin == null ? "" : ", \"" + checkin.name() + "\",")
                + " comes " + PendingCheckin.day(local) + " your time (" + local.toLocalDate() + ").";
        return Message.of(text);
    }

    static Message channelUnlisted(Platform platform, Checkin checkin) {
        return Message.of("Candor can't list the members of \"" + checkin.name() + "\"'s channel right now, so"
                + " nothing was sent. In Slack, invite Candor to the channel; in Teams, install Candor in the channel's"
                + " team. Then try " + checkin(platform, "send") + " again.");
    }

    /** For {@code /checkin remind} and {@code team} before the setup's first round. */
    static Message notSentYet(Platform platform, Checkin checkin) {
        return Message.of(
                "\"" + checkin.name() + "\" hasn't been sent yet: " + checkin(platform, "send") + " sends it now.");
    }

    static Message nothingAsks() {
        return Message.of("Nothing to answer now, and no check-in asks you yet.");
    }

    static Message alreadySent(Platform platform, Checkin checkin, String period, int answered, int asked) {
        return Message.of("\"" + checkin.name() + "\" for " + period + " was already sent: " + answered + " of " + asked
                + " answered. " + checkin(platform, "remind") + " nudges the others.");
    }

    static Message choose(Platform platform, String verb, List<Checkin> setups) {
        List<String> names = setups.stream().map(Checkin::name).toList();
        return Message.of(
                setups.isEmpty()
                        ? "You have no check-ins yet: " + checkin(platform, "setup") + " makes one."
                        : "Which one? Say " + checkin(platform, verb) + " followed by one of: "
                                + String.join(", ", names) + ".");
    }

    /** "/checkin send" in Slack, "@Candor checkin send" in Teams; words may be empty. */
    static String checkin(Platform platform, String words) {
        String command = Syntax.command(platform, "checkin");
        return words.isEmpty() ? command : command + " " + words;
    }
}
