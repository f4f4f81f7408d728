package dev.candor.scheduler.plan;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.plan.PlanDao;
import dev.candor.storage.plan.PlanDue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps the open improvement plans for what their manager is to be sent now: a reminder before each check-in day,
 * an ask for follow-up notes after it, an ask for the outcome at the end. Each is claimed in the plan's own rows in
 * the transaction that queues its DM, so it goes once on any number of nodes, and never for a closed plan.
 */
@DisallowConcurrentExecution
public final class PlanReminderJob implements Job {
    public static final String NAME = "plan-reminders";
    private static final Logger log = LoggerFactory.getLogger(PlanReminderJob.class);

    /** Where the plan DMs become messages: the bot renders them and queues them through the outbox. */
    public interface Outbox {
        void queue(Handle handle, PlanNudge nudge);
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingTimes times;
    private final Outbox outbox;
    private final PlanPlanner planner = new PlanPlanner();

    public PlanReminderJob(Jdbi jdbi, Clock clock, WorkingTimes times, Outbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.times = times;
        this.outbox = outbox;
    }

    /** The job reading each person's working time from the directory, as Candor runs it; tests pass their clock. */
    public static PlanReminderJob on(Jdbi jdbi, Clock clock, Outbox outbox) {
        return new PlanReminderJob(jdbi, clock, new WorkingTimeLoader(jdbi, clock), outbox);
    }

    public static ScheduledJob everyFiveMinutes(Jdbi jdbi, Clock clock, Outbox outbox) {
        return new ScheduledJob(NAME, on(jdbi, clock, outbox), Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Queues what is due now; returns how many DMs were new. */
    public int sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // a day's margin each side: zones run from UTC-12 to UTC+14; a check-in's reminder may go a week before it
        List<PlanDue> plans = new ArrayList<>(jdbi.withExtension(
                PlanDao.class,
                dao -> dao.checkinsBetween(today.minusDays(PlanPlanner.NOTES_DAYS + 1), today.plusDays(8))));
        plans.addAll(jdbi.withExtension(PlanDao.class, dao -> dao.endingBy(today.plusDays(1))));
        if (plans.isEmpty()) {
            return 0;
        }
        Map<Long, List<Long>> ownersByOrg = new LinkedHashMap<>();
        plans.forEach(plan -> ownersByOrg
                .computeIfAbsent(plan.orgId(), org -> new ArrayList<>())
                .add(plan.ownerId()));
        Map<Long, WorkingTime> working = new HashMap<>();
        ownersByOrg.forEach((org, owners) -> working.putAll(times.of(org, owners)));
        int queued = 0;
        for (PlanNudge nudge : planner.due(plans, working, now)) {
            queued += jdbi.inTransaction(handle -> claim(handle, nudge, now) ? send(handle, nudge) : 0);
        }
        if (queued > 0) {
            log.info("queued {} improvement plan reminder(s)", queued);
        }
        return queued;
    }

    private static boolean claim(Handle handle, PlanNudge nudge, Instant now) {
        PlanDao dao = handle.attach(PlanDao.class);
        PlanDue plan = nudge.plan();
        return switch (nudge.kind()) {
            case REMINDER -> dao.claimReminder(plan.orgId(), plan.planId(), plan.checkinOn(), now);
            case NOTES -> dao.claimNotesAsk(plan.orgId(), plan.planId(), plan.checkinOn(), now);
            case OUTCOME -> dao.claimOutcomeAsk(plan.orgId(), plan.planId(), plan.endsOn());
        };
    }

    private int send(Handle handle, PlanNudge nudge) {
        outbox.queue(handle, nudge);
        return 1;
    }
}
