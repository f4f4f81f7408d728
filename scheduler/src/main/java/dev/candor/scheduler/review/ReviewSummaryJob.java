package dev.candor.scheduler.review;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.review.ReviewDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Once a week each manager with reports in an open review phase gets one summary of their progress instead of a
 * message per report: on their first working morning of the week (from 09:00 their time) the sweep finds them, not
 * while they are away, and not when all of them are done. The outbox key names the manager, the cycle and their ISO
 * week, so it goes once on any number of nodes, with every phase of the cycle their reports have to do in it.
 */
@DisallowConcurrentExecution
public final class ReviewSummaryJob implements Job {
    public static final String NAME = "review-summaries";
    static final LocalTime FROM = LocalTime.of(9, 0);

    /** One manager's summary of one phase: their reports' names by where they are. */
    public record Summary(
            long orgId,
            long managerId,
            long cycleId,
            String cycleName,
            String phase,
            LocalDate dueOn,
            List<String> done,
            List<String> toDo,
            List<String> away,
            String week) {

        public String key() {
            return "review-summary:" + cycleId + ":" + managerId + ":" + week;
        }
    }

    /** Where summaries become DMs: the bot renders them and queues them through the outbox. */
    public interface Outbox {
        /**
         * Queues the summaries to their managers, those of one manager's cycle (its phases) in one DM with the key
         * {@link Summary#key()}, which names the cycle, the manager and the week; returns how many were new.
         */
        int queue(org.jdbi.v3.core.Handle handle, List<Summary> summaries);
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingTimes times;
    private final Outbox outbox;

    public ReviewSummaryJob(Jdbi jdbi, Clock clock, WorkingTimes times, Outbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.times = times;
        this.outbox = outbox;
    }

    public static ScheduledJob everyFiveMinutes(Jdbi jdbi, Clock clock, WorkingTimes times, Outbox outbox) {
        return new ScheduledJob(
                NAME, new ReviewSummaryJob(jdbi, clock, times, outbox), Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Queues the summaries due now; returns how many were new. */
    public int sweep() {
        Instant now = clock.instant();
        List<ReviewDao.Report> reports = jdbi.withExtension(
                ReviewDao.class, dao -> dao.reportsInOpenPhases(LocalDate.ofInstant(now, ZoneOffset.UTC)));
        if (reports.isEmpty()) {
            return 0;
        }
        Map<String, List<ReviewDao.Report>> byManager = new LinkedHashMap<>();
        Map<Long, List<Long>> managersByOrg = new LinkedHashMap<>();
        for (ReviewDao.Report report : reports) {
            byManager
                    .computeIfAbsent(
                            report.orgId() + ":" + report.managerId() + ":" + report.cycleId() + ":" + report.kind(),
                            key -> new ArrayList<>())
                    .add(report);
            managersByOrg
                    .computeIfAbsent(report.orgId(), org -> new ArrayList<>())
                    .add(report.managerId());
        }
        Map<Long, WorkingTime> working = new java.util.HashMap<>();
        managersByOrg.forEach((org, managers) ->
                working.putAll(times.of(org, managers.stream().distinct().toList())));
        List<Summary> due = new ArrayList<>();
        for (List<ReviewDao.Report> group : byManager.values()) {
            ReviewDao.Report first = group.get(0);
            WorkingTime time = working.get(first.managerId());
            if (time == null || !time.mayNudgeAt(now, FROM)) {
                continue;
            }
            List<String> done = new ArrayList<>();
            List<String> toDo = new ArrayList<>();
            List<String> away = new ArrayList<>();
            for (ReviewDao.Report report : group) {
                if (report.state().equals("answered")) {
                    done.add(report.name());
                } else if (report.away() || report.state().equals("skipped")) {
                    away.add(report.name());
                } else {
                    toDo.add(report.name());
                }
            }
            if (toDo.isEmpty()) {
                continue; // nothing to follow up: all done, or away
            }
            String week = time.week(now);
            due.add(new Summary(
                    first.orgId(),
                    first.managerId(),
                    first.cycleId(),
                    first.cycleName(),
                    first.kind().dbValue(),
                    first.dueOn(),
                    done,
                    toDo,
                    away,
                    week));
        }
        return due.isEmpty() ? 0 : jdbi.inTransaction(handle -> outbox.queue(handle, due));
    }
}
