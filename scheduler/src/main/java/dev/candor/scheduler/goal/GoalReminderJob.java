package dev.candor.scheduler.goal;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalDue;
import dev.candor.storage.goal.GoalStale;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps for due-day reminders and the weekly ask to update stale goals: reads the unfinished goals due within a
 * window around today and those nobody updated within the stale period, each organisation's people's working time in
 * one statement, asks the planner what is due now, and queues it in one transaction; the outbox's keys make every
 * message go once, on any number of nodes.
 */
@DisallowConcurrentExecution
public final class GoalReminderJob implements Job {
    public static final String NAME = "goal-reminders";
    private static final Logger log = LoggerFactory.getLogger(GoalReminderJob.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingTimes times;
    private final GoalReminderPlanner planner;
    private final GoalReminderOutbox outbox;

    public GoalReminderJob(
            Jdbi jdbi, Clock clock, WorkingTimes times, GoalReminderPlanner planner, GoalReminderOutbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.times = times;
        this.planner = planner;
        this.outbox = outbox;
    }

    /** The job reading each person's working time from the directory, as Candor runs it; tests pass their clock. */
    public static GoalReminderJob on(Jdbi jdbi, Clock clock, GoalReminderOutbox outbox) {
        return new GoalReminderJob(
                jdbi,
                clock,
                new dev.candor.scheduler.ask.WorkingTimeLoader(jdbi, clock),
                new GoalReminderPlanner(),
                outbox);
    }

    /** The job as Candor runs it: every five minutes on the clock. */
    public static ScheduledJob everyFiveMinutes(Jdbi jdbi, Clock clock, WorkingTimes times, GoalReminderOutbox outbox) {
        return new ScheduledJob(
                NAME,
                new GoalReminderJob(jdbi, clock, times, new GoalReminderPlanner(), outbox),
                Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** What {@link #askNow} did: owners asked, owners asked this week already, owners away. */
    public record AskedNow(int asked, int already, int away) {}

    /**
     * The weekly update ask now, at whatever hour, to the owners of stale goals of one organisation whom {@code owners}
     * accepts (a manager's reports, or everyone for HR), except those away. It carries the week's key of the sweep's
     * ask, so nobody gets it twice in one week of theirs, whoever asked first.
     */
    public AskedNow askNow(long orgId, java.util.function.LongPredicate owners) {
        Instant now = clock.instant();
        List<GoalStale> stale = jdbi.withExtension(GoalDao.class, dao -> dao.listStaleOf(orgId, now)).stream()
                .filter(goal -> owners.test(goal.ownerId()))
                .toList();
        List<Long> people = stale.stream().map(GoalStale::ownerId).distinct().toList();
        if (people.isEmpty()) {
            return new AskedNow(0, 0, 0);
        }
        Map<Long, WorkingTime> working = times.of(orgId, people);
        List<GoalUpdateAsk> asks = planner.updateAsksNow(stale, working, now);
        int away = people.size() - asks.size();
        int queued = jdbi.inTransaction(handle -> outbox.queueUpdateAsks(handle, asks));
        return new AskedNow(queued, asks.size() - queued, away);
    }

    /** Queues the reminders and weekly update asks due now; returns how many were new. */
    public int sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // a day's margin each side: zones run from UTC-12 to UTC+14
        List<GoalDue> goals =
                jdbi.withExtension(GoalDao.class, dao -> dao.listDueBetween(today.minusDays(15), today.plusDays(8)));
        List<GoalStale> stale = jdbi.withExtension(GoalDao.class, dao -> dao.listStale(now));
        if (goals.isEmpty() && stale.isEmpty()) {
            return 0;
        }
        Map<Long, List<Long>> peopleByOrg = new LinkedHashMap<>();
        for (GoalDue goal : goals) {
            List<Long> people = peopleByOrg.computeIfAbsent(goal.orgId(), org -> new ArrayList<>());
            people.add(goal.ownerId());
            if (goal.managerId() != null) {
                people.add(goal.managerId());
            }
        }
        stale.forEach(goal -> peopleByOrg
                .computeIfAbsent(goal.orgId(), org -> new ArrayList<>())
                .add(goal.ownerId()));
        Map<Long, WorkingTime> working = new HashMap<>();
        peopleByOrg.forEach((org, people) -> working.putAll(times.of(org, people)));
        List<GoalReminder> due = planner.due(goals, working, now);
        List<GoalUpdateAsk> asks = planner.updateAsks(stale, working, now);
        if (due.isEmpty() && asks.isEmpty()) {
            return 0;
        }
        int queued = jdbi.inTransaction(handle -> outbox.queue(handle, due) + outbox.queueUpdateAsks(handle, asks));
        if (queued > 0) {
            log.info("queued {} goal reminder(s) and update ask(s)", queued);
        }
        return queued;
    }
}
