package dev.candor.bot.checkin;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.Reachability;
import dev.candor.scheduler.checkin.CheckinRounds;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The check-in feature put together, for the composition root. */
public final class Checkins {
    private Checkins() {}

    /** What the asking engine calls for check-in rounds; register it with the engine's features. */
    public static dev.candor.bot.ask.AskFeature feature(Jdbi jdbi) {
        return new CheckinFeature(jdbi);
    }

    public static CheckinHandler handler(
            Jdbi jdbi, PeopleDirectory directory, Asking asking, CheckinRounds rounds, AskQueue queue, Clock clock) {
        CheckinSending sending = new CheckinSending(jdbi, rounds, queue, new Reachability(jdbi), clock);
        return new CheckinHandler(
                new CheckinSetups(jdbi, directory, asking, clock),
                sending,
                new CheckinReading(jdbi, clock),
                new PendingCheckin(jdbi, asking, clock),
                new CheckinReminders(jdbi, asking.rounds(), clock),
                clock);
    }
}
