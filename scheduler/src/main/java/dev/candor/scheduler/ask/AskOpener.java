package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskDelivery;
import dev.candor.storage.ask.SkipReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends the asks whose opening has come: claims a batch, checks each person once more (still here, reachable, not
 * away, in working time), queues the DMs and records them as sent, all in one transaction; then the next batch.
 */
public final class AskOpener {
    private final Jdbi jdbi;
    private final WorkingTimes workingTimes;
    private final RoundPlanner planner;
    private final AskOutbox outbox;
    private final int batch;

    public AskOpener(Jdbi jdbi, WorkingTimes workingTimes, RoundPlanner planner, AskOutbox outbox, int batch) {
        this.jdbi = jdbi;
        this.workingTimes = workingTimes;
        this.planner = planner;
        this.outbox = outbox;
        this.batch = batch;
    }

    /** Queues every ask due at {@code now}; returns how many DMs were queued. */
    public int openDue(Instant now) {
        return drain((asks, limit) -> asks.claimDueAsks(now, limit), now);
    }

    /** The same for one round: "open now" queues its due asks in the request rather than at the next sweep. */
    public int openDue(long roundId, Instant now) {
        return drain((asks, limit) -> asks.claimDueAsksOf(roundId, now, limit), now);
    }

    /** The same for several rounds opened together: one person's asks of them go in one batch, to be listed in one DM. */
    public int openDue(java.util.Collection<Long> roundIds, Instant now) {
        long[] ids = roundIds.stream().mapToLong(Long::longValue).toArray();
        return ids.length == 0 ? 0 : drain((asks, limit) -> asks.claimDueAsksOfRounds(ids, now, limit), now);
    }

    private int drain(BiFunction<AskDao, Integer, List<AskDelivery>> claim, Instant now) {
        int queued = 0;
        while (true) {
            int[] claimedAndQueued = jdbi.inTransaction(handle -> {
                List<AskDelivery> claimed = claim.apply(handle.attach(AskDao.class), batch);
                return new int[] {claimed.size(), open(handle, claimed, now)};
            });
            queued += claimedAndQueued[1];
            if (claimedAndQueued[0] < batch) {
                return queued;
            }
        }
    }

    private int open(Handle handle, List<AskDelivery> claimed, Instant now) {
        AskDao asks = handle.attach(AskDao.class);
        Map<Long, WorkingTime> times = People.workingTimes(workingTimes, claimed);
        List<DueAsk> send = new ArrayList<>();
        Map<SkipReason, List<Long>> skipped = new EnumMap<>(SkipReason.class);
        List<Long> postponed = new ArrayList<>();
        List<Instant> postponedTo = new ArrayList<>();
        for (AskDelivery ask : claimed) {
            WorkingTime person = times.get(ask.personId());
            SkipReason reason = People.unavailable(ask, person);
            if (reason != null) {
                skipped.computeIfAbsent(reason, r -> new ArrayList<>()).add(ask.askId());
                continue;
            }
            RoundPlanner.Sending sending = ask.agreedTime()
                    ? planner.atAgreedSending(person, now)
                    : planner.atSending(person, now, ask.dueAt(), ask.relativeDeadline());
            if (sending instanceof RoundPlanner.Sending.Skip skip) {
                skipped.computeIfAbsent(skip.reason(), r -> new ArrayList<>()).add(ask.askId());
            } else if (sending instanceof RoundPlanner.Sending.Postpone postpone) {
                postponed.add(ask.askId());
                postponedTo.add(postpone.opensAt());
            } else {
                send.add(new DueAsk(ask, person.zone()));
            }
        }
        skipped.forEach((reason, ids) -> asks.skipAll(People.ids(ids), reason));
        asks.postponeAll(postponed, postponedTo);
        if (send.isEmpty()) {
            return 0;
        }
        int queued = outbox.queue(handle, send);
        asks.markSent(
                People.ids(send.stream().map(due -> due.delivery().askId()).toList()), now);
        return queued;
    }
}
