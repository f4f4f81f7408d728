package dev.candor.scheduler.oneonone;

import dev.candor.scheduler.Schedule;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.storage.oneonone.AgendaDao;
import dev.candor.storage.oneonone.AgendaItem;
import dev.candor.storage.oneonone.DueOneOnOne;
import dev.candor.storage.oneonone.OneOnOneDao;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute: claims the 1:1s whose next event is due (one query over one partial index, locked so another node
 * takes others), queues their reminders with the agenda and their notes forms, and moves each on to its next event,
 * all in one transaction. Outbox keys make a repeated run harmless.
 */
@DisallowConcurrentExecution
public final class OneOnOneSweepJob implements Job {
    public static final String NAME = "one-on-one-sweep";
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(OneOnOneSweepJob.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final OneOnOnePlanner planner;
    private final LatestCheckin checkins;
    private final OneOnOneOutbox outbox;

    public OneOnOneSweepJob(
            Jdbi jdbi, Clock clock, OneOnOnePlanner planner, LatestCheckin checkins, OneOnOneOutbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.planner = planner;
        this.checkins = checkins;
        this.outbox = outbox;
    }

    public static ScheduledJob everyMinute(Jdbi jdbi, Clock clock, LatestCheckin checkins, OneOnOneOutbox outbox) {
        return new ScheduledJob(
                NAME,
                new OneOnOneSweepJob(jdbi, clock, new OneOnOnePlanner(), checkins, outbox),
                Schedule.every(Duration.ofMinutes(1)));
    }

    @Override
    public void execute(JobExecutionContext context) {
        int queued;
        do {
            queued = sweep();
        } while (queued == BATCH);
    }

    /** Handles up to one batch of due 1:1s; returns how many were claimed. */
    public int sweep() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            List<DueOneOnOne> due = handle.attach(OneOnOneDao.class).claimDue(now, BATCH);
            if (due.isEmpty()) {
                return 0;
            }
            List<Step> steps = due.stream().map(row -> step(row, now)).toList();
            int queued = outbox.queue(handle, messages(handle, due, steps));
            advance(handle, due, steps, now);
            log.info("1:1 sweep: {} due, {} message(s) queued", due.size(), queued);
            return due.size();
        });
    }

    private Step step(DueOneOnOne row, Instant now) {
        return planner.step(cadence(row), row.occurrence(), row.stage(), now);
    }

    static Cadence cadence(DueOneOnOne row) {
        return new Cadence(row.everyWeeks(), DayOfWeek.of(row.weekday()), row.localTime(), Cadence.zone(row.zone()));
    }

    private List<MeetingMessage> messages(Handle handle, List<DueOneOnOne> due, List<Step> steps) {
        long[] reminded = new long[due.size()];
        int count = 0;
        for (int i = 0; i < due.size(); i++) {
            if (steps.get(i).remind()) {
                reminded[count++] = due.get(i).id();
            }
        }
        long[] ids = java.util.Arrays.copyOf(reminded, count);
        Map<Long, List<AgendaItem>> items = count == 0
                ? Map.of()
                : handle.attach(AgendaDao.class).listOpen(ids).stream()
                        .collect(Collectors.groupingBy(AgendaItem::oneOnOneId));
        Map<Long, CheckinHighlights> latest = checkins.of(handle, ids);
        List<MeetingMessage> messages = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            DueOneOnOne row = due.get(i);
            Step step = steps.get(i);
            if (step.remind()) {
                Agenda agenda = Agenda.of(items.getOrDefault(row.id(), List.of()), latest.get(row.id()));
                add(messages, MeetingMessage.Kind.REMINDER, row, step.meeting(), agenda);
            } else if (step.askNotes()) {
                add(messages, MeetingMessage.Kind.NOTES, row, step.meeting(), null);
            }
        }
        return messages;
    }

    private static void add(
            List<MeetingMessage> messages,
            MeetingMessage.Kind kind,
            DueOneOnOne row,
            LocalDateTime meeting,
            Agenda agenda) {
        Attendee manager = new Attendee(
                row.managerId(),
                row.managerName(),
                Cadence.zone(row.managerTimezone()),
                row.managerPlatform(),
                row.managerUserId());
        Attendee report = new Attendee(
                row.reportId(),
                row.reportName(),
                Cadence.zone(row.reportTimezone()),
                row.reportPlatform(),
                row.reportUserId());
        Instant startsAt = cadence(row).at(meeting);
        if (manager.reachable()) {
            messages.add(
                    new MeetingMessage(kind, row.id(), row.orgId(), manager, report, true, meeting, startsAt, agenda));
        }
        if (report.reachable()) {
            messages.add(
                    new MeetingMessage(kind, row.id(), row.orgId(), report, manager, false, meeting, startsAt, agenda));
        }
    }

    private static void advance(Handle handle, List<DueOneOnOne> due, List<Step> steps, Instant now) {
        handle.attach(OneOnOneDao.class)
                .advance(
                        due.stream().map(DueOneOnOne::id).toList(),
                        steps.stream().map(Step::occurrence).toList(),
                        steps.stream().map(Step::stage).toList(),
                        steps.stream().map(Step::nextEventAt).toList());
        long[] held = new long[due.size()];
        int count = 0;
        for (int i = 0; i < due.size(); i++) {
            if (steps.get(i).askNotes()) {
                held[count++] = due.get(i).id();
            }
        }
        if (count > 0) {
            handle.attach(AgendaDao.class).markPointsDiscussed(java.util.Arrays.copyOf(held, count), now);
        }
    }
}
