package dev.candor.scheduler.checkin;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.ask.Opening;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides only WHEN a check-in's period is due and opens its round through the engine, which plans each person's
 * ask in their own working time and sends it. Idempotent: a period's round is opened once (unique in the database).
 */
@DisallowConcurrentExecution
public final class CheckinRoundJob implements Job {
    public static final String NAME = "checkin-rounds";
    private static final Logger log = LoggerFactory.getLogger(CheckinRoundJob.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final CheckinRounds rounds;

    public CheckinRoundJob(Jdbi jdbi, Clock clock, CheckinRounds rounds) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.rounds = rounds;
    }

    public static ScheduledJob everyFiveMinutes(Jdbi jdbi, Clock clock, CheckinRounds rounds) {
        return new ScheduledJob(
                NAME, new CheckinRoundJob(jdbi, clock, rounds), Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Opens every due period's round not opened yet; returns how many were opened. */
    public int sweep() {
        Instant now = clock.instant();
        List<Checkin> active = jdbi.withExtension(CheckinDao.class, CheckinDao::listActive);
        int opened = 0;
        for (Checkin checkin : active) {
            Optional<CheckinCalendar.Occurrence> due = calendar(checkin).latestDue(now);
            if (due.isEmpty()) {
                continue;
            }
            String period = due.get().period();
            if (opened(checkin, period)) {
                continue;
            }
            try {
                List<Long> people = rounds.audience(jdbi, checkin);
                boolean fresh = jdbi.inTransaction(handle -> rounds.open(
                                handle,
                                checkin,
                                people,
                                period,
                                Opening.at(due.get().opensLocal()),
                                now,
                                null)
                        .isPresent());
                if (fresh) {
                    opened++;
                    log.info(
                            "opened check-in {} round {} of org {}",
                            checkin.id(),
                            due.get().period(),
                            checkin.orgId());
                }
            } catch (RuntimeException e) {
                // One setup's problem must not hold back the others; the next sweep tries again. Type only.
                log.warn(
                        "check-in {} of org {} failed to open: {}",
                        checkin.id(),
                        checkin.orgId(),
                        e.getClass().getSimpleName());
            }
        }
        return opened;
    }

    /** Already opened: no need to ask the platform who is in a channel again (the round's key would refuse it). */
    private boolean opened(Checkin checkin, String period) {
        return jdbi.withExtension(RoundDao.class, round -> round.findByKey(
                        checkin.orgId(), CheckinRounds.FEATURE, checkin.subject(), period)
                .isPresent());
    }

    public static CheckinCalendar calendar(Checkin checkin) {
        return new CheckinCalendar(checkin.cadence(), checkin.day(), checkin.localTime(), checkin.startsOn());
    }
}
