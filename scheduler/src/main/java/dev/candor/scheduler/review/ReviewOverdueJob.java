package dev.candor.scheduler.review;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.review.ReviewDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * What happens to a review ask left unanswered at its deadline, while its cycle runs: the engine lets the person
 * answer late for another week ({@link Rounds#reopenLate}) and they are told so once, with the form's button; two of
 * their working days after the deadline, if it is still not done, their manager is told once. Nobody away is told
 * (HR sees them as away), and each step is kept in {@code review_late}, so any number of nodes do it once.
 */
@DisallowConcurrentExecution
public final class ReviewOverdueJob implements Job {
    public static final String NAME = "review-overdue";
    /** How long a late review may still be sent, from the end of the day it was due. */
    public static final int LATE_DAYS = 7;
    /** The person's working days after the deadline before their manager is told. */
    public static final int ESCALATE_AFTER = 2;

    /** Where the overdue DMs become messages: the bot renders them and queues them through the outbox. */
    public interface Outbox {
        /** Tells the person their review is overdue and may still be sent until {@code until}. */
        void overdue(Handle handle, ReviewDao.Overdue ask, Instant until, WorkingTime person);

        /** Tells the person's manager their review is overdue. */
        void escalate(Handle handle, ReviewDao.Overdue ask, WorkingTime person);
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingTimes times;
    private final Rounds rounds;
    private final Outbox outbox;

    public ReviewOverdueJob(Jdbi jdbi, Clock clock, WorkingTimes times, Rounds rounds, Outbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.times = times;
        this.rounds = rounds;
        this.outbox = outbox;
    }

    public static ScheduledJob everyFiveMinutes(
            Jdbi jdbi, Clock clock, WorkingTimes times, Rounds rounds, Outbox outbox) {
        return new ScheduledJob(
                NAME,
                new ReviewOverdueJob(jdbi, clock, times, rounds, outbox),
                Schedule.cron("0 0/5 * * * ?", ZoneOffset.UTC));
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep();
    }

    /** Tells who is overdue and escalates who still is after two working days; returns how many were told. */
    public int sweep() {
        Instant now = clock.instant();
        int told = 0;
        for (ReviewDao.Overdue ask : jdbi.withExtension(ReviewDao.class, ReviewDao::overdue)) {
            Map<Long, WorkingTime> working = times.of(ask.orgId(), List.of(ask.personId()));
            WorkingTime person = working.get(ask.personId());
            if (person == null || person.isAway(now)) {
                continue;
            }
            if (ask.lateDueAt() == null) {
                told += late(ask, person, now) ? 1 : 0;
            } else if (!now.isBefore(person.workingDaysAfter(ask.lateDueAt(), ESCALATE_AFTER))
                    && ask.managerId() != null) {
                told += jdbi.inTransaction(handle -> {
                    if (!handle.attach(ReviewDao.class).escalated(ask.orgId(), ask.askId(), now)) {
                        return 0;
                    }
                    outbox.escalate(handle, ask, person);
                    return 1;
                });
            }
        }
        return told;
    }

    /** Reopens the expired ask for a week from its day and tells the person once. */
    private boolean late(ReviewDao.Overdue ask, WorkingTime person, Instant now) {
        Instant until =
                new Deadline.EndOfWorkingDay(ask.dueOn().plusDays(LATE_DAYS), ReviewRounds.DUE_AT).dueAt(person, now);
        if (!until.isAfter(now)
                || rounds.reopenLate(ask.orgId(), ask.roundId(), List.of(ask.personId()), until)
                        .isEmpty()) {
            return false;
        }
        return jdbi.inTransaction(handle -> {
            if (!handle.attach(ReviewDao.class).told(ask.orgId(), ask.askId(), ask.dueAt(), now)) {
                return false;
            }
            outbox.overdue(handle, ask, until, person);
            return true;
        });
    }
}
