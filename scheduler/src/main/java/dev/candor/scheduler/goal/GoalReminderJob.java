package dev.candor.scheduler.goal;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalDue;
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
 * Sweeps for due-day reminders: reads the unfinished goals due within a window around today, each organisation's
 * owners' and managers' working time in one statement, asks the planner which reminders are due now, and queues them
 * in one transaction; the outbox's keys make every reminder go once, on any number of nodes.
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

    /** Queues the reminders due now; returns how many were new. */
    public int sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // a day's margin each side: zones run from UTC-12 to UTC+14
        List<GoalDue> goals =
                jdbi.withExtension(GoalDao.class, dao -> dao.listDueBetween(today.minusDays(15), today.plusDays(8)));
        if (goals.isEmpty()) {
            return 0;
        }
        Map<Long, List<GoalDue>> byOrg = new LinkedHashMap<>();
        goals.forEach(goal ->
                byOrg.computeIfAbsent(goal.orgId(), org -> new ArrayList<>()).add(goal));
        List<GoalReminder> due = new ArrayList<>();
        for (Map.Entry<Long, List<GoalDue>> org : byOrg.entrySet()) {
            List<Long> people = new ArrayList<>();
            for (GoalDue goal : org.getValue()) {
                people.add(goal.ownerId());
                if (goal.managerId() != null) {
                    people.add(goal.managerId());
                }
            }
            Map<Long, WorkingTime> working = new HashMap<>(times.of(org.getKey(), people));
            due.addAll(planner.due(org.getValue(), working, now));
        }
        if (due.isEmpty()) {
            return 0;
        }
        int queued = jdbi.inTransaction(handle -> outbox.queue(handle, due));
        if (queued > 0) {
            log.info("queued {} goal reminder(s)", queued);
        }
        return queued;
    }
}
