package dev.candor.bot.oneonone;

import dev.candor.bot.ask.AskExtra;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Text;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.oneonone.Agenda;
import dev.candor.scheduler.oneonone.CheckinHighlights;
import dev.candor.storage.oneonone.AgendaItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a 1:1 adds to its meeting's ask DMs (the engine adds the notes form's Answer button and deadline): an hour
 * before, the agenda (talking points, the report's latest check-in, open action items each with a Done button, and
 * "Add a talking point"); after the meeting, the prompt to write notes and next steps.
 */
final class MeetingMessages {
    /** Slack allows 50 blocks a message: a long list stops being an agenda. */
    static final int SHOWN = 10;

    private MeetingMessages() {}

    /** @param lost the other of the two when Candor can't reach them: the manager's DM says so and how to fix it */
    static AskExtra agenda(MeetingDm dm, Optional<Unreachable> lost) {
        Agenda agenda = dm.agenda();
        String when = When.dayAndTime(dm.startsAt(), dm.zone());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your 1:1 with " + dm.with() + " is in an hour"));
        blocks.add(new Block.Section(
                Text.builder().strong(when).plain(" your time").build()));
        lost.ifPresent(other -> blocks.add(new Block.Section(OneOnOneMessages.unreachable(other))));
        blocks.add(new Block.Section(Text.builder().strong("Talking points").build()));
        blocks.add(new Block.Section(points(agenda.points())));
        if (agenda.checkin() != null) {
            blocks.add(new Block.Section(checkin(dm, agenda.checkin())));
        }
        if (!agenda.actions().isEmpty()) {
            blocks.add(
                    new Block.Section(Text.builder().strong("Open action items").build()));
            agenda.actions().stream().limit(SHOWN).forEach(item -> {
                blocks.add(new Block.Section(Text.builder()
                        .plain("• " + item.text() + " — ")
                        .emphasis(item.ownerName())
                        .build()));
                blocks.add(new Block.Buttons(List.of(new Block.Button(
                        OneOnOneForms.DONE, "Done", String.valueOf(item.id()), Block.ButtonStyle.DEFAULT))));
            });
            if (agenda.actions().size() > SHOWN) {
                blocks.add(new Block.Context(Text.of("…and " + (agenda.actions().size() - SHOWN) + " more")));
            }
        }
        blocks.add(new Block.Buttons(List.of(new Block.Button(
                OneOnOneForms.ADD_POINT,
                "Add a talking point",
                String.valueOf(dm.oneOnOneId()),
                Block.ButtonStyle.PRIMARY))));
        blocks.add(new Block.Divider());
        return new AskExtra("Your 1:1 with " + dm.with() + " is in an hour: " + when + " your time", blocks);
    }

    static AskExtra notesPrompt(MeetingDm dm) {
        String text = "How did your 1:1 with " + dm.with() + " go? Write down notes and next steps: they come"
                + " back on the next agenda until they're done.";
        return new AskExtra(text, List.of(new Block.Section(Text.of(text))));
    }

    private static Text points(List<AgendaItem> points) {
        if (points.isEmpty()) {
            return Text.of("Nothing yet: add what you want to talk about.");
        }
        Text.Builder list = Text.builder();
        for (int i = 0; i < Math.min(points.size(), SHOWN); i++) {
            if (i > 0) {
                list.lineBreak();
            }
            list.plain("• " + points.get(i).text());
        }
        if (points.size() > SHOWN) {
            list.lineBreak().plain("…and " + (points.size() - SHOWN) + " more");
        }
        return list.build();
    }

    private static Text checkin(MeetingDm dm, CheckinHighlights checkin) {
        String name = dm.toManager() ? dm.with() + "'s" : "Your";
        Text.Builder text = Text.builder().strong(name + " latest check-in");
        if (checkin.mood() != null && checkin.mood() >= 1 && checkin.mood() <= 5) {
            text.lineBreak()
                    .plain("Mood: "
                            + Form.MoodInput.FACES.get(checkin.mood() - 1).label());
        }
        if (checkin.blockers() != null && !checkin.blockers().isBlank()) {
            text.lineBreak().plain("Blockers: " + checkin.blockers());
        }
        return text.build();
    }
}
