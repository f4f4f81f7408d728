package dev.candor.scheduler.checkin;

import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundPlanner;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.NewRound;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Opens a check-in's round for a period through the asking engine: the round (once per period, whichever node or
 * request tries), and one ask per person planned by the engine's {@link RoundPlanner} in their own working time.
 * Check-ins decide only who, which questions and when the period opens.
 */
public final class CheckinRounds {
    public static final String FEATURE = "checkin";

    private final WorkingTimes workingTimes;
    private final RoundPlanner planner = new RoundPlanner();

    public CheckinRounds(WorkingTimes workingTimes) {
        this.workingTimes = workingTimes;
    }

    /**
     * Opens the round of {@code period} in the caller's transaction; empty when it was opened before.
     *
     * @param opening the period's local opening, or {@link Opening#now()} for "send it now"
     */
    public Optional<OpenedRound> open(
            Handle handle, Checkin checkin, String period, Opening opening, Instant now, Long openedBy) {
        QuestionnaireVersion version = handle.attach(QuestionnaireDao.class)
                .findLatest(checkin.orgId(), checkin.questionnaireId())
                .orElseThrow(() -> new IllegalStateException("check-in " + checkin.id() + " has no questions"));
        ReminderPlan reminders = ReminderPlan.defaults();
        Optional<Round> inserted = handle.attach(RoundDao.class)
                .insert(new NewRound(
                        checkin.orgId(),
                        FEATURE,
                        checkin.subject(),
                        period,
                        checkin.questionnaireId(),
                        version.version(),
                        opening instanceof Opening.AtLocal local ? local.local() : null,
                        checkin.deadlineDays(),
                        null,
                        false,
                        reminders.tokens(),
                        now,
                        openedBy));
        return inserted.map(round -> plan(handle, checkin, round, opening, reminders, now));
    }

    private OpenedRound plan(
            Handle handle, Checkin checkin, Round round, Opening opening, ReminderPlan reminders, Instant now) {
        List<Long> members = members(handle, checkin);
        Map<Long, WorkingTime> found = workingTimes.of(checkin.orgId(), members);
        Map<Long, WorkingTime> people = new LinkedHashMap<>();
        members.stream().filter(found::containsKey).forEach(id -> people.put(id, found.get(id)));
        RoundTiming timing = new RoundTiming(opening, Deadline.workingDays(checkin.deadlineDays()), reminders);
        List<NewAsk> asks = planner.plan(timing, people, now);
        handle.attach(AskDao.class).insertAll(checkin.orgId(), round.id(), asks);
        asks.stream().map(NewAsk::dueAt).max(Instant::compareTo).ifPresent(latest -> handle.attach(RoundDao.class)
                .extendClosing(checkin.orgId(), round.id(), latest));
        return new OpenedRound(round, asks, people);
    }

    /** Who the check-in asks today: the owner's reports as the directory has them now, or its stored people. */
    public static List<Long> members(Handle handle, Checkin checkin) {
        CheckinDao checkins = handle.attach(CheckinDao.class);
        return checkin.audience() == Audience.REPORTS
                ? checkins.listReports(checkin.orgId(), checkin.ownerId())
                : checkins.listMembers(checkin.orgId(), checkin.id());
    }
}
