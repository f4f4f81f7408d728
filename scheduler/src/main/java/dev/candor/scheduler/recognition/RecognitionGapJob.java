package dev.candor.scheduler.recognition;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.storage.recognition.RecognitionDao;
import dev.candor.storage.recognition.RecognitionGap;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps for managers due their weekly recognition-gap nudge and queues the DMs. The planner decides which time
 * zones are due from the managers' distinct zones; one set-based query then finds, for all managers there not yet
 * nudged this week, the reports without kudos; all nudges are queued in one batch and one transaction.
 */
@DisallowConcurrentExecution
public final class RecognitionGapJob implements Job {
    public static final String NAME = "recognition-gap-nudges";
    private static final Logger log = LoggerFactory.getLogger(RecognitionGapJob.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final GapNudgePlanner planner;
    private final RecognitionOutbox outbox;

    public RecognitionGapJob(Jdbi jdbi, Clock clock, GapNudgePlanner planner, RecognitionOutbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.planner = planner;
        this.outbox = outbox;
    }

    /** The job as Candor runs it: every five minutes on the clock (:00, :05, …). */
    public static ScheduledJob everyFiveMinutes(Jdbi jdbi, Clock clock, RecognitionOutbox outbox) {
        return new ScheduledJob(
                NAME,
                new RecognitionGapJob(jdbi, clock, new GapNudgePlanner(), outbox),
                Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Queues the nudges due now; returns how many were queued by this run. */
    public int sweep() {
        Instant now = clock.instant();
        RecognitionDao recognition = jdbi.onDemand(RecognitionDao.class);
        Map<String, NudgeSlot> due = planner.dueZones(recognition.listManagerTimezones(), now);
        if (due.isEmpty()) {
            return 0;
        }
        List<RecognitionGap> gaps = recognition.listRecognitionGaps(
                due.keySet().toArray(String[]::new),
                due.values().stream().map(slot -> slot.week().toString()).toArray(String[]::new),
                due.values().stream().map(slot -> slot.slot().toString()).toArray(String[]::new));
        List<GapNudge> nudges = planner.nudges(gaps, due);
        if (nudges.isEmpty()) {
            return 0;
        }
        int queued = jdbi.inTransaction(handle -> outbox.queueGapNudges(handle, nudges));
        log.info("queued {} recognition-gap nudge(s) in {} due time zone(s)", queued, due.size());
        return queued;
    }
}
