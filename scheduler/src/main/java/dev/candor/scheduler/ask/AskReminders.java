package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends the reminders that are due, only to people who have not answered (an answered ask has no next reminder).
 * A person away or out of working time right now has that reminder passed over; its number goes to the next one.
 */
public final class AskReminders {
    private final Jdbi jdbi;
    private final WorkingTimes workingTimes;
    private final RoundPlanner planner;
    private final AskOutbox outbox;
    private final int batch;

    public AskReminders(Jdbi jdbi, WorkingTimes workingTimes, RoundPlanner planner, AskOutbox outbox, int batch) {
        this.jdbi = jdbi;
        this.workingTimes = workingTimes;
        this.planner = planner;
        this.outbox = outbox;
        this.batch = batch;
    }

    /** Queues every reminder due at {@code now}; returns how many were queued. */
    public int remindDue(Instant now) {
        int queued = 0;
        while (true) {
            int[] claimedAndQueued = jdbi.inTransaction(handle -> {
                List<AskDelivery> claimed = handle.attach(AskDao.class).claimDueReminders(now, batch);
                return new int[] {claimed.size(), remind(handle, claimed, now)};
            });
            queued += claimedAndQueued[1];
            if (claimedAndQueued[0] < batch) {
                return queued;
            }
        }
    }

    private int remind(Handle handle, List<AskDelivery> claimed, Instant now) {
        Map<Long, WorkingTime> times = People.workingTimes(workingTimes, claimed);
        List<DueAsk> send = new ArrayList<>();
        List<Long> passed = new ArrayList<>();
        for (AskDelivery ask : claimed) {
            WorkingTime person = times.get(ask.personId());
            boolean mayNow = ask.agreedTime() ? planner.mayRemindAgreed(person, now) : planner.mayRemind(person, now);
            if (People.unavailable(ask, person) == null && mayNow) {
                send.add(new DueAsk(ask, person.zone()));
            } else {
                passed.add(ask.askId());
            }
        }
        AskDao asks = handle.attach(AskDao.class);
        asks.markReminded(People.ids(passed), now, false);
        if (send.isEmpty()) {
            return 0;
        }
        int queued = outbox.queue(handle, send);
        asks.markReminded(
                People.ids(send.stream().map(due -> due.delivery().askId()).toList()), now, true);
        return queued;
    }
}
