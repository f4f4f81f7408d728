package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxOperation;
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

    private final String workerId;
    private final ChatGateway gateway;
    private final OutboxSendingDao outbox;
    private final Pacer pacer;
    private final DeliveryConfig config;
    private final DeliveryMetrics metrics;
    private final EarlierMessages earlier;

    MessageSender(
            String workerId,
            ChatGateway gateway,
            OutboxSendingDao outbox,
            Pacer pacer,
            DeliveryConfig config,
            DeliveryMetrics metrics) {
        this.workerId = workerId;
        this.gateway = gateway;
        this.outbox = outbox;
        this.pacer = pacer;
        this.config = config;
        this.metrics = metrics;
        this.earlier = new EarlierMessages(outbox);
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

    void send(OutboxMessage claimed, Backlog backlog) {
        OutboxMessage message = addressed(claimed);
        if (message == null) {
            return;
        }
        Optional<Pacer.Denial> denial = pacer.tryAcquire(config.pacing().limitsFor(message));
        if (denial.isPresent()) {
            outbox.reschedule(message.id(), workerId, backlog.retryAt(denial.get()), message.lastError(), false);
            return;
        }
        // From here until its result is recorded, a claim that ends (the node dies) leaves the message in doubt.
        if (!outbox.markSendStarted(message.id(), workerId)) {
            log.warn("outbox {} not sent: its claim ran out before the send started", message.id());
            return;
        }
        record(message, callGateway(message));
    }

    /** The message addressed for the gateway; null when it can't be sent now (it waits) or ever (it failed). */
    private OutboxMessage addressed(OutboxMessage message) {
        EarlierMessages.Addressing addressing = earlier.address(message);
        if (addressing instanceof EarlierMessages.Addressing.Ready ready) {
            return ready.message();
        }
        if (addressing instanceof EarlierMessages.Addressing.Wait wait) {
            // Not an attempt: nothing was tried, and a long wait must not use up the retries.
            outbox.rescheduleIn(message.id(), workerId, wait.millis(), "waiting for the earlier message", false, false);
            return null;
        }
        String reason = ((EarlierMessages.Addressing.Impossible) addressing).reason();
        outbox.markFailed(message.id(), workerId, reason);
        metrics.failed(reason);
        log.warn("outbox {} failed permanently: {}", message.id(), reason);
        return null;
    }

    private DeliveryResult callGateway(OutboxMessage message) {
        try {
            DeliveryResult result = gateway.deliver(message);
            return result != null ? result : new DeliveryResult.Transient("gateway returned no result");
        } catch (RuntimeException e) {
            // Only the type: an exception message may quote a response body, and with it the message text. It may
            // have been thrown after the request went out: in doubt.
            return new DeliveryResult.Transient("gateway threw " + e.getClass().getName());
        }
    }

    private void record(OutboxMessage message, DeliveryResult result) {
        if (result instanceof DeliveryResult.Sent sent) {
            markSent(message, sent);
        } else if (result instanceof DeliveryResult.AlreadyDelivered found) {
            markAlreadyDelivered(message, found);
        } else if (result instanceof DeliveryResult.RateLimited limited) {
            holdForRetryAfter(message, limited.retryAfter());
        } else if (result instanceof DeliveryResult.Transient failure) {
            retryOrGiveUp(message, shorten(failure.reason()), failure.maybeDelivered());
        } else if (result instanceof DeliveryResult.Permanent failure) {
            String reason = shorten(failure.reason());
            outbox.markFailed(message.id(), workerId, reason);
            metrics.failed(reason);
            log.warn("outbox {} failed permanently: {}", message.id(), reason);
        }
    }

    private void markSent(OutboxMessage message, DeliveryResult.Sent sent) {
        boolean resent = message.inDoubt() && sent.unchecked() != null;
        if (outbox.markSent(
                        message.id(), workerId, sent.platformMessageId(), sent.channel(), message.threadId(), resent)
                == 0) {
            log.warn("outbox {} was sent after another node took it over; it may be sent twice", message.id());
        }
        metrics.sent();
        if (!message.inDoubt()) {
            return;
        }
        String platform = message.platform().dbValue();
        if (message.operation() == OutboxOperation.UPDATE) {
            // Replacing a message again with the same content can't make a duplicate: nothing to check.
            metrics.inDoubt(platform, "redone");
            log.info("outbox {} was in doubt, is an update and was made again", message.id());
            return;
        }
        if (resent) {
            String reason = shorten(sent.unchecked());
            metrics.inDoubt(platform, "unchecked");
            metrics.resent(platform, reason);
            log.warn(
                    "outbox {} was in doubt and was sent again without a check ({}): it may be there twice",
                    message.id(),
                    reason);
        } else {
            metrics.inDoubt(platform, "not_found");
            log.info("outbox {} was in doubt, is not on {} and was sent", message.id(), platform);
        }
    }

    private void markAlreadyDelivered(OutboxMessage message, DeliveryResult.AlreadyDelivered found) {
        if (outbox.markSent(
                        message.id(), workerId, found.platformMessageId(), found.channel(), message.threadId(), false)
                == 0) {
            log.warn("outbox {} was found delivered after another node took it over", message.id());
        }
        metrics.inDoubt(message.platform().dbValue(), "found");
        log.info("outbox {} was in doubt and is already on {}: not sent again", message.id(), message.platform());
    }

    private void holdForRetryAfter(OutboxMessage message, Duration retryAfter) {
        String key = config.pacing().rateLimitKey(message);
        // Hold the key first: once the message is pending again, another node may claim it at once.
        outbox.holdFor(key, retryAfter.toMillis());
        outbox.rescheduleIn(message.id(), workerId, retryAfter.toMillis(), "rate limited", false, false);
        metrics.rateLimited();
        log.info("outbox {} rate limited; holding {} for {} ms", message.id(), key, retryAfter.toMillis());
    }

    private void retryOrGiveUp(OutboxMessage message, String reason, boolean maybeDelivered) {
        RetryPolicy retry = config.retry();
        if (retry.exhausted(message.attempts())) {
            outbox.markFailed(message.id(), workerId, "retries exhausted: " + reason);
            metrics.retriesExhausted();
            log.warn("outbox {} failed after {} attempts: {}", message.id(), message.attempts(), reason);
            return;
        }
        long delay =
                retry.backoff(message.attempts(), ThreadLocalRandom.current()).toMillis();
        outbox.rescheduleIn(message.id(), workerId, delay, reason, true, maybeDelivered);
        metrics.retried();
        log.info(
                "outbox {} attempt {} failed ({}); retrying in {} ms", message.id(), message.attempts(), reason, delay);
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }
}
