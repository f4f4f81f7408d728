package dev.candor.scheduler.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retries of transient failures: exponential backoff from {@code baseDelay}, doubling per attempt up to
 * {@code maxDelay}, with full jitter so that messages failing together (a platform outage) do not return together.
 * After {@code maxAttempts} deliveries the message is parked as failed.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    /** True when a message that has been tried {@code attempts} times must not be tried again. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The delay before the next try after the {@code attempt}-th one failed (1-based). */
    public Duration backoff(int attempt, RandomGenerator random) {
        long ceiling = ceilingMillis(attempt);
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }

    private long ceilingMillis(int attempt) {
        long base = baseDelay.toMillis();
        int doublings = Math.max(0, attempt - 1);
        if (base == 0) {
            return 0;
        }
        // base << doublings would overflow: the ceiling is long past maxDelay anyway
        if (doublings >= Long.numberOfLeadingZeros(base) - 1) {
            return maxDelay.toMillis();
        }
        return Math.min(maxDelay.toMillis(), base << doublings);
    }
}
