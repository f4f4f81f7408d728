package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.DeliveryPacingDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Takes send slots in {@code delivery_pacing}, shared by every node. */
final class Pacer {
    private final Jdbi jdbi;

    Pacer(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Why a message may not be sent yet: {@code limit}'s key is taken until {@code nextSlot}. */
    record Denial(PaceLimit limit, Instant nextSlot) {}

    /**
     * Takes a slot on every key, or on none: when one key is taken the transaction rolls back, so the slots of the
     * keys before it stay free for other messages.
     *
     * <p>A key without an interval (Slack's workspace key) only carries the holds of 429 answers: it is read, not
     * written, so that every send of a workspace doesn't queue for the lock on one row. With at most one key left to
     * write there is nothing to roll back, and the statements run without a transaction.
     */
    Optional<Denial> tryAcquire(List<PaceLimit> limits) {
        long written =
                limits.stream().filter(limit -> !limit.interval().isZero()).count();
        if (written <= 1) {
            return jdbi.withHandle(handle -> acquire(handle.attach(DeliveryPacingDao.class), limits));
        }
        return jdbi.inTransaction(handle -> {
            Optional<Denial> denial = acquire(handle.attach(DeliveryPacingDao.class), limits);
            if (denial.isPresent()) {
                handle.rollback();
            }
            return denial;
        });
    }

    private static Optional<Denial> acquire(DeliveryPacingDao pacing, List<PaceLimit> limits) {
        for (PaceLimit limit : limits) {
            if (limit.interval().isZero()) {
                Optional<Instant> held = pacing.findHold(limit.key());
                if (held.isPresent()) {
                    return Optional.of(new Denial(limit, held.get()));
                }
            } else if (!pacing.tryAcquireSlot(limit.key(), limit.interval().toMillis())) {
                // Read before a rollback releases the earlier keys: the statement sees the latest commit.
                return Optional.of(
                        new Denial(limit, pacing.findNextSlot(limit.key()).orElseGet(Instant::now)));
            }
        }
        return Optional.empty();
    }
}
