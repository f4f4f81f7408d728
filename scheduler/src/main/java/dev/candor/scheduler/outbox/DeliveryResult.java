package dev.candor.scheduler.outbox;

import java.time.Duration;
import java.util.Objects;

/** How a platform answered one send. Reasons are stored and logged, so they never contain message text. */
public sealed interface DeliveryResult {

    /** The platform accepted the message; its id (Slack {@code ts}, Teams activity id) is kept for later edits. */
    record Sent(String platformMessageId) implements DeliveryResult {}

    /**
     * The platform answered 429. Nothing is sent on the same pacing key before {@code retryAfter} has passed, and
     * the attempt does not count towards the retry limit. A missing or non-positive value means one second.
     */
    record RateLimited(Duration retryAfter) implements DeliveryResult {
        public RateLimited {
            if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
                retryAfter = Duration.ofSeconds(1);
            }
        }
    }

    /** Worth retrying with backoff: 5xx, timeouts, connection errors. */
    record Transient(String reason) implements DeliveryResult {
        public Transient {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Will never succeed as it is: {@code user_not_found}, {@code account_inactive}, {@code channel_not_found},
     * {@code not_in_channel}, {@code is_archived}, {@code bot_removed}, {@code invalid_auth}. Prefer such short
     * snake_case codes: they become a metric tag.
     */
    record Permanent(String reason) implements DeliveryResult {
        public Permanent {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
