package dev.candor.bot.pulse;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.scheduler.pulse.PulseRounds;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Pulse surveys put together, for the composition root. */
public final class Pulses {
    private Pulses() {}

    public static PulseHandler handler(
            Jdbi jdbi, PeopleDirectory directory, Asking asking, PulseRounds rounds, Clock clock) {
        PulseWords words = new PulseWords(jdbi);
        PulseSurveys surveys = new PulseSurveys(jdbi, directory, asking);
        PulseRunning running = new PulseRunning(jdbi, rounds, words, clock);
        return new PulseHandler(jdbi, surveys, running, new PulsePreview(surveys, running, words, clock), words, clock);
    }
}
