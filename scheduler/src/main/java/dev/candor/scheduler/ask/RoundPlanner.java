package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asked when. Pure: a round's timing, people's working time and {@code now} in; each person's ask out.
 *
 * <p>A person's ask opens at the round's local time in their zone (or now, if that has passed), moved by
 * {@link WorkingTime#earliestAt} out of quiet hours and non-working days. Someone away at that moment is skipped when
 * the deadline counts from their own opening (a weekly check-in does not pile up while they are on holiday), and
 * asked when back when the round has one local deadline they can still meet (a review phase). Their deadline and
 * reminders follow from their opening.
 */
public final class RoundPlanner {
    /**
     * A sweep runs every minute: an ask or reminder that was due in working time a moment ago still goes out rather
     * than waiting for the next morning.
     */
    public static final Duration SWEEP_GRACE = Duration.ofMinutes(5);

    /** One ask per person in {@code people}, in the map's order. */
    public List<NewAsk> plan(RoundTiming timing, Map<Long, WorkingTime> people, Instant now) {
        List<NewAsk> asks = new ArrayList<>(people.size());
        people.forEach((personId, person) -> asks.add(plan(timing, personId, person, now)));
        return asks;
    }

    public NewAsk plan(RoundTiming timing, long personId, WorkingTime person, Instant now) {
        if (timing.opening() instanceof Opening.AtInstant agreed) {
            return planAgreed(timing, personId, person, latest(agreed.at(), now));
        }
        Instant wanted = latest(timing.opening().wanted(person, now), now);
        Instant natural = present(person).earliestAt(wanted);
        boolean away = person.isAway(natural);
        if (away && timing.deadline() instanceof Deadline.WorkingDaysAfterOpening) {
            return skipped(personId, SkipReason.AWAY, natural, timing.deadline().dueAt(person, natural));
        }
        Instant opensAt = away ? person.earliestAt(natural) : natural;
        Instant dueAt = timing.deadline().dueAt(person, opensAt);
        if (!opensAt.isBefore(dueAt)) {
            return skipped(personId, away ? SkipReason.AWAY : SkipReason.AFTER_DEADLINE, opensAt, dueAt);
        }
        return new NewAsk(
                personId,
                AskState.PENDING,
                null,
                opensAt,
                dueAt,
                timing.reminders().times(person, opensAt, dueAt));
    }

    /** At an agreed moment: nothing moves; someone away then is not asked (they won't be at the meeting). */
    private static NewAsk planAgreed(RoundTiming timing, long personId, WorkingTime person, Instant opensAt) {
        Instant dueAt = timing.deadline().dueAt(person, opensAt);
        if (person.isAway(opensAt)) {
            return skipped(personId, SkipReason.AWAY, opensAt, dueAt);
        }
        if (!opensAt.isBefore(dueAt)) {
            return skipped(personId, SkipReason.AFTER_DEADLINE, opensAt, dueAt);
        }
        return new NewAsk(
                personId,
                AskState.PENDING,
                null,
                opensAt,
                dueAt,
                timing.reminders().times(person, opensAt, dueAt, true));
    }

    /**
     * What to do with an ask of a round at an agreed time whose DM is due at {@code now}: send it whatever the hour
     * (the person agreed to it), unless they are away today.
     */
    public Sending atAgreedSending(WorkingTime person, Instant now) {
        return person.isAway(now) ? new Sending.Skip(SkipReason.AWAY) : new Sending.Send();
    }

    /** True when a reminder of a round at an agreed time may go out now: whatever the hour, unless away. */
    public boolean mayRemindAgreed(WorkingTime person, Instant now) {
        return !person.isAway(now);
    }

    /** What to do with an ask whose DM is due at {@code now}, given the person's working time now. */
    public Sending atSending(WorkingTime person, Instant now, Instant dueAt, boolean relativeDeadline) {
        if (person.isAway(now)) {
            if (relativeDeadline) {
                return new Sending.Skip(SkipReason.AWAY);
            }
            Instant back = person.earliestAt(now);
            return back.isBefore(dueAt) ? new Sending.Postpone(back) : new Sending.Skip(SkipReason.AWAY);
        }
        if (inWorkingTime(person, now)) {
            return new Sending.Send();
        }
        Instant later = person.earliestAt(now);
        return later.isBefore(dueAt) ? new Sending.Postpone(later) : new Sending.Skip(SkipReason.AFTER_DEADLINE);
    }

    /** True when a reminder due at {@code now} may go out now; otherwise it is passed over. */
    public boolean mayRemind(WorkingTime person, Instant now) {
        return !person.isAway(now) && inWorkingTime(person, now);
    }

    /** What {@link #atSending} decided. */
    public sealed interface Sending {
        record Send() implements Sending {}

        /** The person's working time starts later (their zone or settings changed since planning). */
        record Postpone(Instant opensAt) implements Sending {}

        record Skip(SkipReason reason) implements Sending {}
    }

    private static boolean inWorkingTime(WorkingTime person, Instant now) {
        return person.isWorking(now) || person.isWorking(now.minus(SWEEP_GRACE));
    }

    /** The same working time as if nobody were ever away: where the person's opening would naturally fall. */
    private static WorkingTime present(WorkingTime person) {
        return new WorkingTime(
                person.zone(), person.quietFrom(), person.quietUntil(), person.workingDays(), Optional.empty());
    }

    private static NewAsk skipped(long personId, SkipReason reason, Instant opensAt, Instant dueAt) {
        return new NewAsk(personId, AskState.SKIPPED, reason, opensAt, dueAt, List.of());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
