package dev.candor.scheduler.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DeliveryWorker} runs.
 *
 * @param threads concurrent sends per node
 * @param batchSize most messages claimed at once, and most claimed but unfinished per node. Keep it a small multiple
 *     of {@code threads}: a claimed message waits for a free thread, and a node that dies leaves them all to wait
 *     for their lease to run out
 * @param lease how long a claim stays with its node without being renewed. The live node renews all its claims every
 *     {@link #renewEvery() third of a lease} on a thread of its own, so a slow send or a long queue never lets them
 *     lapse; a dead node's messages are taken over by another node between two thirds of a lease and a lease plus
 *     a {@code pollInterval} after its death. A node that can't reach the database for longer than a lease loses its
 *     claims: it sends none of them from then on, but a send already under way is in doubt for the next node
 * @param pollInterval longest wait between looks at the queue when no NOTIFY arrives; also how often expired leases
 *     are released and the depth gauge refreshed
 * @param stopGrace how long {@link DeliveryWorker#close()} lets sends under way finish. Should exceed a gateway's
 *     longest call (its HTTP timeouts); a send still running after it is released in doubt
 */
public record DeliveryConfig(
        int threads,
        int batchSize,
        Duration lease,
        Duration pollInterval,
        Duration stopGrace,
        RetryPolicy retry,
        PacingPolicy pacing) {

    public DeliveryConfig {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batchSize must be positive");
        }
        if (lease.toMillis() < 300 || pollInterval.toMillis() < 1 || stopGrace.isNegative()) {
            throw new IllegalArgumentException(
                    "lease must be at least 300 ms, pollInterval at least 1 ms and stopGrace not negative");
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(pacing, "pacing");
    }

    /**
     * Ten-second leases: a dead node's messages are sent by another within about 11 s. The 25 s grace outlasts the
     * gateways' longest call (Teams: 20 s).
     */
    public static DeliveryConfig defaults() {
        return new DeliveryConfig(
                4,
                32,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(25),
                RetryPolicy.defaults(),
                PacingPolicy.platformLimits());
    }

    /** How often a live node renews its claims: a renewal may fail or come late twice before a lease lapses. */
    public Duration renewEvery() {
        return lease.dividedBy(3);
    }

    public DeliveryConfig withRetry(RetryPolicy newRetry) {
        return new DeliveryConfig(threads, batchSize, lease, pollInterval, stopGrace, newRetry, pacing);
    }

    public DeliveryConfig withPacing(PacingPolicy newPacing) {
        return new DeliveryConfig(threads, batchSize, lease, pollInterval, stopGrace, retry, newPacing);
    }

    public DeliveryConfig withPollInterval(Duration newPollInterval) {
        return new DeliveryConfig(threads, batchSize, lease, newPollInterval, stopGrace, retry, pacing);
    }

    public DeliveryConfig withLease(Duration newLease) {
        return new DeliveryConfig(threads, batchSize, newLease, pollInterval, stopGrace, retry, pacing);
    }

    public DeliveryConfig withStopGrace(Duration newStopGrace) {
        return new DeliveryConfig(threads, batchSize, lease, pollInterval, newStopGrace, retry, pacing);
    }
}
