package dev.candor.bot.oneonone;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.oneonone.Cadence;
import dev.candor.storage.Platform;
import dev.candor.storage.oneonone.OneOnOne;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What 1:1 commands answer: confirmations, the list, and what to type when something was wrong. */
final class OneOnOneMessages {
    private OneOnOneMessages() {}

    static String example(Platform platform) {
        return Syntax.command(platform, "checkin") + " 1on1 @person every 2 weeks tuesday 10:00";
    }

    static Message usage(Platform platform, String problem) {
        String checkin = Syntax.command(platform, "checkin");
        List<Block> blocks = new ArrayList<>();
        if (problem != null) {
            blocks.add(new Block.Section(Text.of(problem)));
        }
        blocks.add(new Block.Fields(List.of(
                new Block.Field(
                        checkin + " 1on1 @person every 2 weeks tuesday 10:00",
                        Text.of("schedule 1:1s with a report (every week, every 2 weeks or every 4 weeks), your time")),
                new Block.Field(checkin + " agenda @person what to talk about", Text.of("add a talking point")),
                new Block.Field(checkin + " 1on1 list", Text.of("your 1:1s and when they meet next")),
                new Block.Field(checkin + " 1on1 cancel @person", Text.of("stop the 1:1 reminders")))));
        return new Message((problem == null ? "" : problem + " ") + "Type " + example(platform), blocks);
    }

    static Message scheduled(
            OneOnOne saved, Instant firstAt, ZoneId reportZone, boolean replaced, Optional<Unreachable> report) {
        String cadence = When.cadence(saved.everyWeeks()).toLowerCase(java.util.Locale.ROOT) + " on "
                + When.day(DayOfWeek.of(saved.weekday())) + " at " + saved.localTime();
        Text text = Text.builder()
                .plain("✅ " + (replaced ? "Rescheduled" : "Scheduled") + " your 1:1s with ")
                .strong(saved.reportName())
                .plain(" " + cadence + " (" + saved.zone() + "). First: ")
                .strong(When.dayAndTime(firstAt, Cadence.zone(saved.zone())))
                .plain(".")
                .build();
        String theirs = "You both get the agenda an hour before, each in your own time (" + saved.reportName() + ": "
                + When.time(firstAt, reportZone) + " " + reportZone.getId() + "), and a notes form after.";
        List<Block> blocks = new ArrayList<>(List.of(new Block.Section(text), new Block.Context(Text.of(theirs))));
        report.ifPresent(lost -> blocks.add(new Block.Section(unreachable(lost))));
        return new Message(text.plain(), blocks);
    }

    /** Someone of a 1:1 Candor can't message: said to the manager, with what would fix it. */
    static Text unreachable(Unreachable lost) {
        return Text.builder()
                .plain("⚠️ Candor can't reach ")
                .strong(lost.name())
                .plain(", so they don't get the 1:1 reminders or the notes form: " + lost.explanation() + " To fix it: "
                        + lost.fix())
                .build();
    }

    static Message cancelled(String name) {
        return Message.of("✅ Cancelled your 1:1s with " + name
                + ": no more reminders. Open action items stay stored; schedule again to pick them up.");
    }

    static Message noneWith(Platform platform, String name) {
        return Message.of("You have no 1:1s with " + name + ". To schedule them, type " + example(platform));
    }

    static Message pointAdded(String name, String point) {
        return new Message(
                "Added to the agenda of your next 1:1 with " + name,
                List.of(
                        new Block.Section(Text.builder()
                                .plain("✅ Added to the agenda of your next 1:1 with ")
                                .strong(name)
                                .plain(":")
                                .build()),
                        new Block.Quote(Text.of(point))));
    }

    static Message list(Platform platform, long personId, ZoneId zone, List<OneOnOne> oneOnOnes) {
        if (oneOnOnes.isEmpty()) {
            return Message.of("You have no 1:1s in Candor yet. A manager schedules them with " + example(platform));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your 1:1s"));
        for (OneOnOne oneOnOne : oneOnOnes) {
            boolean manager = oneOnOne.managerId() == personId;
            String with = manager ? oneOnOne.reportName() : oneOnOne.managerName();
            Instant next = new Cadence(
                            oneOnOne.everyWeeks(),
                            DayOfWeek.of(oneOnOne.weekday()),
                            oneOnOne.localTime(),
                            Cadence.zone(oneOnOne.zone()))
                    .at(oneOnOne.occurrence());
            blocks.add(new Block.Section(Text.builder()
                    .strong(with)
                    .plain(" — " + When.cadence(oneOnOne.everyWeeks()) + ", next on " + When.dayAndTime(next, zone)
                            + " your time")
                    .build()));
        }
        blocks.add(new Block.Context(
                Text.of("Cancel with " + Syntax.command(platform, "checkin") + " 1on1 cancel @person (managers).")));
        return new Message("Your 1:1s: " + oneOnOnes.size(), blocks);
    }
}
