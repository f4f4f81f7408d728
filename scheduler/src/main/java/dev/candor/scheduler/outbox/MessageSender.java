package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxSendingDao;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one claimed message and records what the platform said. Logs ids and reasons, never payloads. */
final class MessageSender {
    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    private static final int MAX_REASON_LENGTH = 500;

    private final ChatGateway gateway;
    private final OutboxSendingDao outbox;
    private final Pacer pacer;
    private final DeliveryConfig config;
    private final DeliveryMetrics metrics;

    MessageSender(
            ChatGateway gateway, OutboxSendingDao outbox, Pacer pacer, DeliveryConfig config, DeliveryMetrics metrics) {
        this.gateway = gateway;
        this.outbox = outbox;
        this.pacer = pacer;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Messages of one claimed batch that were denied a slot. Without spreading them, every message queued for a
     * busy key would come back at the same instant, one would win and all others would be rescheduled again.
     */
    static final class Backlog {
        private final ConcurrentHashMap<String, AtomicInteger> deniedPerKey = new ConcurrentHashMap<>();

        Instant retryAt(Pacer.Denial denial) {
            int ahead = deniedPerKey
                    .computeIfAbsent(denial.limit().key(), key -> new AtomicInteger())
                    .getAndIncrement();
            return denial.nextSlot().plus(denial.limit().interval().multipliedBy(ahead));
        }
    }

    void send(OutboxMessage message, Backlog backlog) {
        Optional<Pacer.Denial> denial = pacer.tryAcquire(config.pacing().limitsFor(message));
        if (denial.isPresent()) {
            outbox.reschedule(message.id(), backlog.retryAt(denial.get()), message.lastError(), false);
            return;
        }
        record(message, callGateway(message));
    }

    private DeliveryResult callGateway(OutboxMessage message) {
        try {
            DeliveryResult result = gateway.deliver(message);
            return result != null ? result : new DeliveryResult.Transient("gateway returned no result");
        } catch (RuntimeException e) {
            // Only the type: an exception message may quote a response body, and with it the message text.
            return new DeliveryResult.Transient("gateway threw " + e.getClass().getName());
        }
    }

    private void record(OutboxMessage message, DeliveryResult result) {
        if (result instanceof DeliveryResult.Sent sent) {
            markSent(message, sent);
        } else if (result instanceof DeliveryResult.RateLimited limited) {
            holdForRetryAfter(message, limited.retryAfter());
        } else if (result instanceof DeliveryResult.Transient failure) {
            retryOrGiveUp(message, shorten(failure.reason()));
        } else if (result instanceof DeliveryResult.Permanent failure) {
            String reason = shorten(failure.reason());
            outbox.markFailed(message.id(), reason);
            metrics.failed(reason);
            log.warn("outbox {} failed permanently: {}", message.id(), reason);
        }
    }

    private void markSent(OutboxMessage message, DeliveryResult.Sent sent) {
        if (outbox.markSent(message.id(), sent.platformMessageId()) == 0) {
            log.warn("outbox {} was sent after its lease ended; another node may send it again", message.id());
        }
        metrics.sent();
    }

    private void holdForRetryAfter(OutboxMessage message, Duration retryAfter) {
        String key = config.pacing().rateLimitKey(message);
        // Hold the key first: once the message is pending again, another node may claim it at once.
        outbox.holdFor(key, retryAfter.toMillis());
        outbox.rescheduleIn(message.id(), retryAfter.toMillis(), "rate limited", false);
        metrics.rateLimited();
        log.info("outbox {} rate limited; holding {} for {} ms", message.id(), key, retryAfter.toMillis());
    }

    private void retryOrGiveUp(OutboxMessage message, String reason) {
        RetryPolicy retry = config.retry();
        if (retry.exhausted(message.attempts())) {
            outbox.markFailed(message.id(), "retries exhausted: " + reason);
            metrics.retriesExhausted();
            log.warn("outbox {} failed after {} attempts: {}", message.id(), message.attempts(), reason);
            return;
        }
        long delay =
                retry.backoff(message.attempts(), ThreadLocalRandom.current()).toMillis();
        outbox.rescheduleIn(message.id(), delay, reason, true);
        metrics.retried();
        log.info(
                "outbox {} attempt {} failed ({}); retrying in {} ms", message.id(), message.attempts(), reason, delay);
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }
}
