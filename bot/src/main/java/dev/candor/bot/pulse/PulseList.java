package dev.candor.bot.pulse;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code /pulse list}: each survey with its state, schedule, audience and its latest round's answer rate. */
final class PulseList {

    /** One survey as the list shows it. @param latest its latest round's asks, or null before its first round */
    record Row(Survey survey, String audience, String schedule, AskCounts latest) {}

    private PulseList() {}

    static Message of(Platform platform, List<Row> rows) {
        String pulse = Syntax.command(platform, "pulse");
        if (rows.isEmpty()) {
            return Message.of("No pulse surveys yet: " + pulse + " creates one from a template in a minute.");
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Pulse surveys"));
        for (Row row : rows) {
            Survey survey = row.survey();
            blocks.add(new Block.Section(Text.builder()
                    .strong(survey.name())
                    .plain(" · " + state(survey.state()) + (survey.anonymous() ? " · anonymous" : " · named"))
                    .lineBreak()
                    .plain("To " + row.audience() + ", " + row.schedule() + ". " + rate(row.latest()))
                    .build()));
            if (survey.state() == SurveyState.DRAFT) {
                blocks.add(new Block.Buttons(List.of(new Block.Button(
                        PulseMessages.EDIT,
                        "Edit and launch",
                        String.valueOf(survey.id()),
                        Block.ButtonStyle.DEFAULT))));
            }
        }
        blocks.add(new Block.Context(Text.of(pulse + " pause, resume or close NAME · " + pulse + " help")));
        return new Message("Pulse surveys: " + rows.size(), blocks);
    }

    private static String state(SurveyState state) {
        return switch (state) {
            case ACTIVE -> "🟢 Active";
            case PAUSED -> "⏸ Paused";
            case CLOSED -> "⏹ Closed";
            case DRAFT -> "📝 Draft";
        };
    }

    private static String rate(AskCounts counts) {
        if (counts == null) {
            return "No round yet.";
        }
        int asked = counts.total() - counts.skipped();
        if (asked == 0) {
            return "Latest round: nobody could be asked.";
        }
        return String.format(
                Locale.ROOT,
                "Latest round: %d of %d answered (%d%%).",
                counts.answered(),
                asked,
                Math.round(100.0 * counts.answered() / asked));
    }
}
