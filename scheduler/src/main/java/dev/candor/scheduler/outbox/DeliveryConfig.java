package dev.candor.scheduler.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DeliveryWorker} runs.
 *
 * @param threads concurrent sends per node
 * @param batchSize most messages claimed at once, and most claimed but unfinished per node. Keep it a small multiple
 *     of {@code threads}: a claimed message waits for a free thread while its lease runs
 * @param lease how long a claimed message stays with this node. Must exceed {@code batchSize / threads + 1} times a
 *     gateway's longest call (its HTTP timeouts), else another node may take the message and send it again
 * @param pollInterval longest wait between looks at the queue when no NOTIFY arrives; also how often expired leases
 *     are released and the depth gauge refreshed
 */
public record DeliveryConfig(
        int threads, int batchSize, Duration lease, Duration pollInterval, RetryPolicy retry, PacingPolicy pacing) {

    public DeliveryConfig {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batchSize must be positive");
        }
        if (lease.toSeconds() < 1 || pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be at least 1 s and pollInterval at least 1 ms");
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(pacing, "pacing");
    }

    public static DeliveryConfig defaults() {
        return new DeliveryConfig(
                4,
                32,
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                RetryPolicy.defaults(),
                PacingPolicy.platformLimits());
    }

    public DeliveryConfig withRetry(RetryPolicy newRetry) {
        return new DeliveryConfig(threads, batchSize, lease, pollInterval, newRetry, pacing);
    }

    public DeliveryConfig withPacing(PacingPolicy newPacing) {
        return new DeliveryConfig(threads, batchSize, lease, pollInterval, retry, newPacing);
    }

    public DeliveryConfig withPollInterval(Duration newPollInterval) {
        return new DeliveryConfig(threads, batchSize, lease, newPollInterval, retry, pacing);
    }
}
