package dev.candor.bot.ask;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ask's DM in its three states: asked, reminded, answered. Deadlines in the person's own time. */
public final class AskMessages {
    public static final String ANSWER = "ask.answer";
    public static final String DECLINE = "ask.decline";
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private AskMessages() {}

    /** The first DM, or its {@code reminder}-th reminder (0 for the first DM). */
    public static Message ask(AskText text, long askId, Instant dueAt, ZoneId zone, int reminder) {
        return ask(text, askId, dueAt, zone, reminder, AskExtra.NONE);
    }

    /** The same with what the round's feature adds above it (and its lead as the notification text). */
    public static Message ask(AskText text, long askId, Instant dueAt, ZoneId zone, int reminder, AskExtra extra) {
        String due = due(dueAt, zone);
        String opening = reminder == 0 ? "" : "Reminder: ";
        List<Block> blocks = new ArrayList<>(extra.blocks());
        blocks.add(new Block.Section(Text.builder()
                .plain(opening)
                .strong(text.title())
                .plain(text.askedBy() == null ? "" : " from " + text.askedBy())
                .build()));
        if (text.note() != null) {
            blocks.add(new Block.Context(Text.of(text.note())));
        }
        blocks.add(answerBy(dueAt, zone));
        List<Block.Button> buttons = new ArrayList<>();
        buttons.add(new Block.Button(ANSWER, "Answer", String.valueOf(askId), Block.ButtonStyle.PRIMARY));
        if (text.declinable()) {
            buttons.add(new Block.Button(DECLINE, "Decline", String.valueOf(askId), Block.ButtonStyle.DEFAULT));
        }
        blocks.add(new Block.Buttons(buttons));
        String summary =
                extra.lead() != null ? extra.lead() : opening + text.title() + ": please answer by " + due + ".";
        return new Message(summary, blocks);
    }

    /** At most this many asks in one DM: Slack allows 50 blocks a message, and each ask takes two. */
    static final int MOST_LISTED = 20;

    /** One ask of a DM that lists several. */
    record Listed(AskText text, long askId, Instant dueAt) {}

    /**
     * Several asks of one kind in one DM (a manager's reviews of their reports): each its title, deadline and Answer
     * button, under one line that says how many.
     */
    static Message several(List<Listed> asks, ZoneId zone, int reminder) {
        String opening = reminder == 0 ? "" : "Reminder: ";
        String lead =
                opening + asks.size() + " to answer: " + asks.get(0).text().title()
                        + (asks.size() == 2 ? " and 1 more" : " and " + (asks.size() - 1) + " more");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder()
                .plain(opening)
                .strong(asks.size() + " for you to answer")
                .plain(
                        asks.get(0).text().askedBy() == null
                                ? ""
                                : " from " + asks.get(0).text().askedBy())
                .build()));
        for (Listed ask : asks) {
            blocks.add(new Block.Section(Text.builder()
                    .strong(ask.text().title())
                    .lineBreak()
                    .plain("Please answer by " + due(ask.dueAt(), zone) + " (your time).")
                    .build()));
            blocks.add(new Block.Buttons(List.of(
                    new Block.Button(ANSWER, "Answer", String.valueOf(ask.askId()), Block.ButtonStyle.PRIMARY))));
        }
        return new Message(lead, blocks);
    }

    /** "Please answer by …" with the deadline in the person's own time, as every ask and reminder says it. */
    public static Block.Context answerBy(Instant dueAt, ZoneId zone) {
        return new Block.Context(Text.of("Please answer by " + due(dueAt, zone) + " (your time)."));
    }

    /** What the DM becomes once answered: the answer may still be changed until the deadline. */
    public static Message answered(AskText text, long askId, Instant dueAt, ZoneId zone) {
        String due = due(dueAt, zone);
        return new Message(
                "Answered ✓ " + text.title(),
                List.of(
                        new Block.Section(Text.builder()
                                .plain("Answered ✓ ")
                                .strong(text.title())
                                .build()),
                        new Block.Context(Text.of("You can change your answer until " + due + " (your time).")),
                        new Block.Buttons(List.of(new Block.Button(
                                ANSWER, "Change answer", String.valueOf(askId), Block.ButtonStyle.DEFAULT)))));
    }

    /** What the DM becomes once declined. */
    public static Message declined(AskText text) {
        return new Message(
                "Declined: " + text.title(),
                List.of(new Block.Section(
                        Text.builder().plain("Declined ✓ ").strong(text.title()).build())));
    }

    static String due(Instant dueAt, ZoneId zone) {
        return DEADLINE.format(dueAt.atZone(zone));
    }
}
