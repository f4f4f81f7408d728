package dev.candor.scheduler.outbox;

import java.time.Duration;

/**
 * How long finished outbox messages (sent, or failed for good) keep what they said, and how long they are kept at
 * all. The keys of messages Candor queues name a kudos, a Slack event or an ISO week, so none of them is queued
 * again once its week is over (see {@link PruneOutboxJob}); {@link #MIN_DAYS} keeps every row past its week.
 *
 * @param payloadDays days after which a finished message's payload and reply URL are dropped
 * @param retentionDays days after which a finished message is deleted (sent kudos posts excepted)
 */
public record OutboxRetention(int payloadDays, int retentionDays) {
    public static final int DEFAULT_PAYLOAD_DAYS = 30;
    public static final int DEFAULT_RETENTION_DAYS = 90;
    /**
     * The shortest retention: the weekly digest and recognition-gap nudge look up their week's key in the outbox, and
     * the digest reads the week's kudos posts, so rows must outlive a week and the digest's few hours of grace.
     */
    public static final int MIN_DAYS = 14;

    public OutboxRetention {
        if (payloadDays < 1) {
            throw new IllegalArgumentException("payloadDays must be at least 1, was " + payloadDays);
        }
        if (retentionDays < MIN_DAYS || retentionDays < payloadDays) {
            throw new IllegalArgumentException("retentionDays must be at least " + MIN_DAYS + " and at least"
                    + " payloadDays (" + payloadDays + "), was " + retentionDays);
        }
    }

    public static OutboxRetention defaults() {
        return new OutboxRetention(DEFAULT_PAYLOAD_DAYS, DEFAULT_RETENTION_DAYS);
    }

    public Duration payloadAge() {
        return Duration.ofDays(payloadDays);
    }

    public Duration retentionAge() {
        return Duration.ofDays(retentionDays);
    }
}
