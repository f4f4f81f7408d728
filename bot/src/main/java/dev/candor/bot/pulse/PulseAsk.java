package dev.candor.bot.pulse;

import dev.candor.bot.ask.AskExtra;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Text;
import dev.candor.storage.pulse.Survey;
import java.util.List;

/**
 * What a survey's ask says, for the engine's DMs and for HR's preview alike: the survey's name from the HR person who
 * made it, and one plain line on what happens to the answers (anonymous, or named with HR seeing names).
 */
final class PulseAsk {
    private PulseAsk() {}

    static AskText text(Survey survey, String hrName) {
        return new AskText(survey.name(), hrName);
    }

    static AskExtra extra(Survey survey) {
        return new AskExtra(null, List.of(new Block.Context(Text.of(privacy(survey)))));
    }

    /** The one line on anonymity every ask carries. */
    static String privacy(Survey survey) {
        return survey.anonymous()
                ? "🔒 Anonymous survey: your answers are stored without your name, and results are only shown for"
                        + " groups of at least " + survey.minGroup() + " people."
                : "👤 Named survey: HR sees your name with your answers.";
    }
}
