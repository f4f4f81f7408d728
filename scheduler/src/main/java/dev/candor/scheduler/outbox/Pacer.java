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
     */
    Optional<Denial> tryAcquire(List<PaceLimit> limits) {
        return jdbi.inTransaction(handle -> {
            DeliveryPacingDao pacing = handle.attach(DeliveryPacingDao.class);
            for (PaceLimit limit : limits) {
                if (!pacing.tryAcquireSlot(limit.key(), limit.interval().toMillis())) {
                    // Read before the rollback releases the earlier keys: the statement sees the latest commit.
                    Instant next = pacing.findNextSlot(limit.key()).orElseGet(Instant::now);
                    handle.rollback();
                    return Optional.of(new Denial(limit, next));
                }
            }
            return Optional.<Denial>empty();
        });
    }
}
