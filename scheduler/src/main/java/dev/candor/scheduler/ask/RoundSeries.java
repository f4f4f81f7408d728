package dev.candor.scheduler.ask;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A feature whose rounds come on a calendar (check-ins, recurring or scheduled surveys). The engine's
 * {@link RoundSeriesJob} decides WHEN each of its series' periods is due and whether that period's round exists; the
 * feature says only which series are active, who a round asks and with which questions.
 */
public interface RoundSeries {
    /** When a series' rounds open: the latest period whose opening has come by a moment, if any. */
    @FunctionalInterface
    interface Due {
        Optional<RoundCalendar.Occurrence> latestDue(Instant now);
    }

    /**
     * One series: its rounds are this feature's rounds of {@code subject}, one per period.
     *
     * @param id the feature's own id of it (a check-in's, a survey's), for its logs and {@link #open}
     */
    record Entry(long orgId, long id, String subject, Due due) {}

    /** The feature of the rounds this opens (the engine's round key is feature, subject and period). */
    String feature();

    /** The series that may open a round now: active, not paused. */
    List<Entry> active(Jdbi jdbi);

    /**
     * Opens the round of {@code occurrence} for {@code entry} and returns true, or false when it was opened before (a
     * round's key is unique). Called outside any transaction: finding a channel's members may call the platform.
     */
    boolean open(Jdbi jdbi, Entry entry, RoundCalendar.Occurrence occurrence, Instant now);
}
