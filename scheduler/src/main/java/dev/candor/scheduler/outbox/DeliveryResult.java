package dev.candor.scheduler.outbox;

import java.time.Duration;
import java.util.Objects;

/** How a platform answered one send. Reasons are stored and logged, so they never contain message text. */
public sealed interface DeliveryResult {

    /**
     * The platform accepted the message; its id (Slack {@code ts}, Teams activity id) and where it put it are kept for
     * later replies and updates.
     *
     * @param unchecked for a message {@linkplain dev.candor.storage.outbox.OutboxMessage#inDoubt() in doubt}: why it
     *     was sent again without making sure the platform didn't have it yet (Teams can't read a conversation's
     *     history; Slack refused the lookup), as a short snake_case code; null when it was checked, or not in doubt
     * @param channel where the platform put it (the Slack channel, D… for a DM; the Teams conversation id), or null
     *     when it didn't say
     */
    record Sent(String platformMessageId, String unchecked, String channel) implements DeliveryResult {
        public Sent(String platformMessageId) {
            this(platformMessageId, null, null);
        }

        public Sent(String platformMessageId, String unchecked) {
            this(platformMessageId, unchecked, null);
        }

        /** Sent, and where to. */
        public static Sent in(String channel, String platformMessageId) {
            return new Sent(platformMessageId, null, channel);
        }

        public Sent unchecked(String reason) {
            return new Sent(platformMessageId, reason, channel);
        }
    }

    /**
     * A message in doubt that the platform already has (found in the conversation's history): recorded as sent with
     * the id it was found under (in {@code channel}, or null), and not sent again.
     */
    record AlreadyDelivered(String platformMessageId, String channel) implements DeliveryResult {
        public AlreadyDelivered(String platformMessageId) {
            this(platformMessageId, null);
        }
    }

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

    /**
     * Worth retrying with backoff: 5xx, timeouts, connection errors.
     *
     * @param maybeDelivered the platform may have got the message all the same (a timeout or an I/O error after the
     *     request went out, a server error): the message is in doubt, and the retry makes sure it isn't there yet.
     *     False only when the request certainly never reached the platform (the connection was refused)
     */
    record Transient(String reason, boolean maybeDelivered) implements DeliveryResult {
        public Transient {
            Objects.requireNonNull(reason, "reason");
        }

        /** A failure that may have delivered the message: what a gateway can't rule out. */
        public Transient(String reason) {
            this(reason, true);
        }

        /** A failure before the request reached the platform. */
        public static Transient notSent(String reason) {
            return new Transient(reason, false);
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
