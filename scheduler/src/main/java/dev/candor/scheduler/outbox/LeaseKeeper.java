package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.OutboxDao;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews every claim of one worker every {@link DeliveryConfig#renewEvery() third of a lease}, in one statement, on a
 * thread of its own: neither a busy worker loop nor slow sends can let a live node's claims lapse. A dead node renews
 * nothing, so its claims run out and any other node takes them over.
 */
final class LeaseKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final String workerId;
    private final OutboxDao outbox;
    private final DeliveryConfig config;
    private final ScheduledExecutorService timer;

    LeaseKeeper(String workerId, OutboxDao outbox, DeliveryConfig config) {
        this.workerId = workerId;
        this.outbox = outbox;
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "candor-outbox-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long period = config.renewEvery().toMillis();
        timer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            outbox.renewClaims(workerId, config.lease().toMillis());
        } catch (RuntimeException e) {
            // Two more tries before the lease runs out; after that the claims go to other nodes, which is safe.
            log.warn(
                    "outbox worker {} could not renew its claims: {}",
                    workerId,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
