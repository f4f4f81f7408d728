package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AnswerDao;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.NewRound;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.ask.StoredAnswer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What features do with rounds: open one (plan every person's ask and store them with the round, in one
 * transaction), open it now (queue its due asks in the request instead of at the next sweep), and read its answers.
 */
public final class Rounds {
    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingTimes workingTimes;
    private final RoundPlanner planner;
    private final AskOpener opener;

    public Rounds(Jdbi jdbi, Clock clock, WorkingTimes workingTimes, AskOpener opener) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.workingTimes = workingTimes;
        this.planner = new RoundPlanner();
        this.opener = opener;
    }

    /**
     * Opens the round in its own transaction; empty when this (organisation, feature, subject, period) was opened
     * before, so a schedule that fires twice asks nobody twice.
     */
    public Optional<OpenedRound> open(RoundRequest request) {
        return jdbi.inTransaction(handle -> open(handle, request));
    }

    /** The same inside the caller's transaction (a feature storing its own rows with the round). */
    public Optional<OpenedRound> open(Handle handle, RoundRequest request) {
        Instant now = clock.instant();
        Map<Long, WorkingTime> known = workingTimes.of(request.orgId(), request.personIds());
        Map<Long, WorkingTime> people = new LinkedHashMap<>();
        request.personIds().stream().filter(known::containsKey).forEach(id -> people.put(id, known.get(id)));
        List<NewAsk> asks = planner.plan(request.timing(), people, now);
        Instant closesAt =
                asks.stream().map(NewAsk::dueAt).max(Instant::compareTo).orElse(now);
        Optional<Round> round = handle.attach(RoundDao.class).insert(newRound(request, closesAt));
        round.ifPresent(stored -> handle.attach(AskDao.class).insertAll(request.orgId(), stored.id(), asks));
        return round.map(stored -> new OpenedRound(stored, asks, people));
    }

    /** Queues the round's asks that are due now; returns how many DMs were queued. */
    public int openNow(long roundId) {
        return opener.openDue(roundId, clock.instant());
    }

    /** Queues the due asks of rounds opened together (a review's phases), a person's together; how many DMs. */
    public int openNow(java.util.Collection<Long> roundIds) {
        return opener.openDue(roundIds, clock.instant());
    }

    /**
     * Lets everyone of the round whose deadline passed without an answer answer late, until {@code until}: see
     * {@link #reopenLate(long, long, Collection, Instant)}.
     */
    public List<Long> reopenLate(long orgId, long roundId, Instant until) {
        return reopenLate(orgId, roundId, true, List.of(), until);
    }

    /**
     * Lets these people of the round, if their deadline passed without an answer, answer late until {@code until}
     * (a feature's "remind after the deadline"): their asks are pending again with that deadline, and the round, if
     * the sweep closed it, opens again until then, so that answers take the usual path (form, "answered ✓", the
     * feature told) and the sweep expires the asks and closes the round again at {@code until}, or as soon as
     * nobody is left to answer, telling the feature {@code closed} once more. The engine sends no reminders of its
     * own for them: the caller reminds. Returns the people reopened; with none, nothing changes.
     */
    public List<Long> reopenLate(long orgId, long roundId, Collection<Long> personIds, Instant until) {
        return reopenLate(orgId, roundId, false, personIds, until);
    }

    private List<Long> reopenLate(
            long orgId, long roundId, boolean everyone, Collection<Long> personIds, Instant until) {
        Instant now = clock.instant();
        long[] people = personIds.stream().mapToLong(Long::longValue).toArray();
        return jdbi.inTransaction(handle -> {
            List<Long> reopened = handle.attach(AskDao.class).reopenLate(orgId, roundId, everyone, people, now, until);
            if (!reopened.isEmpty()) {
                handle.attach(RoundDao.class).reopen(orgId, roundId, until);
            }
            return reopened;
        });
    }

    /**
     * Sends no more reminders for the round, to anyone, until {@link #resumeReminders}: its feature was paused. Returns
     * how many people had a reminder to come.
     */
    public int holdReminders(long orgId, long roundId) {
        return jdbi.withExtension(RoundDao.class, dao -> dao.holdReminders(orgId, roundId));
    }

    /**
     * Plans the reminders of the round's pending asks again, from its reminder rules and each person's working time,
     * keeping only those still to come (the ones that fell in the pause are dropped, not sent in a burst). Returns
     * how many people have a reminder to come.
     */
    public int resumeReminders(long orgId, long roundId) {
        Instant now = clock.instant();
        Optional<Round> round = jdbi.withExtension(RoundDao.class, dao -> dao.find(orgId, roundId));
        if (round.isEmpty()) {
            return 0;
        }
        List<Ask> pending = jdbi.withExtension(AskDao.class, dao -> dao.listByRound(orgId, roundId)).stream()
                .filter(ask -> ask.state() == AskState.PENDING)
                .toList();
        Map<Long, WorkingTime> people =
                workingTimes.of(orgId, pending.stream().map(Ask::personId).toList());
        ReminderPlan plan = ReminderPlan.parse(round.get().reminderPlan());
        List<Long> ids = new ArrayList<>();
        List<String[]> times = new ArrayList<>();
        for (Ask ask : pending) {
            WorkingTime person = people.get(ask.personId());
            String[] ahead = person == null
                    ? new String[0]
                    : plan.times(person, ask.opensAt(), ask.dueAt(), round.get().agreedTime()).stream()
                            .filter(time -> time.isAfter(now))
                            .map(Instant::toString)
                            .toArray(String[]::new);
            if (ahead.length > 0) {
                ids.add(ask.id());
                times.add(ahead);
            }
        }
        if (!ids.isEmpty()) {
            jdbi.useExtension(RoundDao.class, dao -> dao.replanReminders(orgId, ids, times));
        }
        return ids.size();
    }

    /** Each person's own zone, as the engine plans and words their asks (people it doesn't know are left out). */
    public Map<Long, ZoneId> zones(long orgId, Collection<Long> personIds) {
        Map<Long, ZoneId> zones = new LinkedHashMap<>();
        workingTimes.of(orgId, personIds).forEach((person, time) -> zones.put(person, time.zone()));
        return zones;
    }

    /** The round's answers (anonymous ones in no meaningful order). */
    public List<StoredAnswer> answers(long orgId, long roundId) {
        return jdbi.withExtension(AnswerDao.class, answers -> answers.listByRound(orgId, roundId));
    }

    private static NewRound newRound(RoundRequest request, Instant closesAt) {
        RoundTiming timing = request.timing();
        LocalDateTime opensLocal = timing.opening() instanceof Opening.AtLocal at ? at.local() : null;
        Integer workingDays = timing.deadline() instanceof Deadline.WorkingDaysAfterOpening after ? after.days() : null;
        LocalDateTime dueLocal = timing.deadline() instanceof Deadline.AtLocal at
                ? at.local()
                : timing.deadline() instanceof Deadline.EndOfWorkingDay end
                        ? end.day().atTime(end.end())
                        : null;
        return new NewRound(
                request.orgId(),
                request.feature(),
                request.subject(),
                request.period(),
                request.questionnaireId(),
                request.version(),
                opensLocal,
                workingDays,
                dueLocal,
                request.anonymous(),
                timing.reminders().tokens(),
                closesAt,
                request.createdBy(),
                timing.opening() instanceof Opening.AtInstant agreed ? agreed.at() : null,
                timing.deadline() instanceof Deadline.AtInstant due ? due.at() : null);
    }
}
