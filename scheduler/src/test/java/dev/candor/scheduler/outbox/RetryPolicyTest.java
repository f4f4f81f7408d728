package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void doublesTheCeilingPerAttemptUpToTheCap() {
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 40; attempt++) {
            Duration ceiling = Duration.ofSeconds(2L << Math.min(attempt - 1, 20));
            Duration cap = ceiling.compareTo(Duration.ofMinutes(10)) < 0 ? ceiling : Duration.ofMinutes(10);
            for (int sample = 0; sample < 200; sample++) {
                assertThat(policy.backoff(attempt, random)).isBetween(Duration.ZERO, cap);
            }
        }
    }

    @Test
    void spreadsRetriesOverTheWholeWindow() {
        SplittableRandom random = new SplittableRandom(11);
        long longest = 0;
        long shortest = Long.MAX_VALUE;
        for (int sample = 0; sample < 500; sample++) {
            long millis = policy.backoff(20, random).toMillis();
            longest = Math.max(longest, millis);
            shortest = Math.min(shortest, millis);
        }
        assertThat(shortest).isLessThan(Duration.ofMinutes(1).toMillis());
        assertThat(longest).isGreaterThan(Duration.ofMinutes(9).toMillis());
    }

    @Test
    void isExhaustedAfterTheLastAllowedAttempt() {
        assertThat(policy.exhausted(7)).isFalse();
        assertThat(policy.exhausted(8)).isTrue();
    }
}
