package dev.candor.scheduler.ask;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asking engine's sweep, every minute somewhere in the cluster: asks whose opening has come, reminders that are
 * due, asks past their deadline, rounds that are done. Each step is one indexed claim per batch, never a trigger per
 * person; every step is idempotent, so a sweep that overlaps another node's (or runs late) sends nothing twice.
 */
@DisallowConcurrentExecution
public final class AskSweepJob implements Job {
    public static final String NAME = "ask-sweep";
    /** Asks per transaction: big enough for a 100,000-person round in a few dozen, small enough to hold briefly. */
    public static final int BATCH = 2_000;

    private static final Logger log = LoggerFactory.getLogger(AskSweepJob.class);

    private final Clock clock;
    private final AskOpener opener;
    private final AskReminders reminders;
    private final RoundCloser closer;

    public AskSweepJob(Clock clock, AskOpener opener, AskReminders reminders, RoundCloser closer) {
        this.clock = clock;
        this.opener = opener;
        this.reminders = reminders;
        this.closer = closer;
    }

    /** The sweep with its parts built on one database. */
    public static AskSweepJob on(
            Jdbi jdbi, Clock clock, WorkingTimes workingTimes, AskOutbox outbox, RoundListener listener) {
        RoundPlanner planner = new RoundPlanner();
        return new AskSweepJob(
                clock,
                new AskOpener(jdbi, workingTimes, planner, outbox, BATCH),
                new AskReminders(jdbi, workingTimes, planner, outbox, BATCH),
                new RoundCloser(jdbi, listener));
    }

    /** The job as Candor runs it: at the start of every minute. */
    public ScheduledJob everyMinute() {
        return new ScheduledJob(NAME, this, Schedule.cron("0 * * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** What one sweep did. */
    public record Swept(int asked, int reminded, int expired, int closed) {}

    /** Runs every step once at the clock's current time. */
    public Swept sweep() {
        Instant now = clock.instant();
        int asked = opener.openDue(now);
        int reminded = reminders.remindDue(now);
        RoundCloser.Closed closed = closer.closeDue(now);
        int shuffled = closer.shuffleOpen(now);
        if (shuffled > 0) {
            log.info("ask sweep: rewrote the anonymous answers of {} open round(s)", shuffled);
        }
        Swept swept = new Swept(asked, reminded, closed.expired(), closed.rounds());
        if (asked + reminded + closed.expired() + closed.rounds() > 0) {
            log.info(
                    "ask sweep: {} asked, {} reminded, {} expired, {} round(s) closed",
                    asked,
                    reminded,
                    closed.expired(),
                    closed.rounds());
        }
        return swept;
    }
}
