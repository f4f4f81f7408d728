package dev.candor.bot.kudos.digest;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.recognition.GapNudge;
import java.util.List;
import java.util.stream.Collectors;

/** The weekly DM that tells a manager which of their reports nobody has recognised lately. */
public final class GapNudgeMessages {
    /** A long list stops being a nudge; the rest are counted. */
    static final int LISTED = 15;

    private GapNudgeMessages() {}

    public static Message nudge(GapNudge nudge) {
        List<GapNudge.Report> reports = nudge.reports();
        String period = nudge.gapWeeks() == 1 ? "the last week" : "the last " + nudge.gapWeeks() + " weeks";
        String span = nudge.gapWeeks() == 1 ? "a week" : nudge.gapWeeks() + " weeks";
        Text intro = Text.builder()
                .plain("👋 Hi " + firstName(nudge.managerName()) + ", ")
                .strong(reports.size() == 1 ? "1 person" : reports.size() + " people")
                .plain(" on your team received no kudos in " + period + ":")
                .build();
        String example = Syntax.command(nudge.platform(), "kudos") + " @"
                + reports.get(0).name() + " thanks for what you did #value";
        return new Message(
                fallback(reports, period),
                List.of(
                        new Block.Section(intro),
                        new Block.Section(list(reports)),
                        new Block.Section(Text.builder()
                                .plain("Seen something worth a thank-you? It takes a minute: ")
                                .strong(example)
                                .build()),
                        new Block.Context(Text.of("You get this note on Monday mornings when someone on your team"
                                + " has gone " + span + " without kudos."))));
    }

    private static Text list(List<GapNudge.Report> reports) {
        Text.Builder list = Text.builder();
        int shown = Math.min(reports.size(), LISTED);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                list.lineBreak();
            }
            list.plain("• ").strong(reports.get(i).name());
        }
        if (reports.size() > shown) {
            list.lineBreak().plain("…and " + (reports.size() - shown) + " more");
        }
        return list.build();
    }

    private static String fallback(List<GapNudge.Report> reports, String period) {
        String names = reports.stream().limit(LISTED).map(GapNudge.Report::name).collect(Collectors.joining(", "));
        return (reports.size() == 1 ? "1 person" : reports.size() + " people") + " on your team received no kudos in "
                + period + ": " + names + (reports.size() > LISTED ? ", …" : "");
    }

    static String firstName(String name) {
        String trimmed = name == null ? "" : name.strip();
        int space = trimmed.indexOf(' ');
        return trimmed.isEmpty() ? "there" : space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
