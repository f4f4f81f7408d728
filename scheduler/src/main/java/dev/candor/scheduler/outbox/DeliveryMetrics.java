package dev.candor.scheduler.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** The worker's meters. Every counter carries both tags, as Prometheus wants one tag set per meter name. */
final class DeliveryMetrics {
    static final String DELIVERIES = "candor.outbox.deliveries";
    static final String DEPTH = "candor.outbox.depth";
    static final String IN_DOUBT = "candor.outbox.in_doubt";
    static final String RESENDS = "candor.outbox.resends";
    static final String RELEASED = "candor.outbox.claims.released";
    // Platform error codes (user_not_found, …) are a bounded set; free text would make a time series per message.
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final MeterRegistry registry;
    private final AtomicLong depth = new AtomicLong();
    private final Gauge depthGauge;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Set by the worker loop about once per poll interval, so a scrape never queries the database.
        this.depthGauge = Gauge.builder(DEPTH, depth, AtomicLong::get)
                .description("Outbox messages waiting to be sent, including those waiting for a retry")
                .strongReference(true)
                .register(registry);
    }

    void sent() {
        count("sent", "none");
    }

    void rateLimited() {
        count("rate_limited", "none");
    }

    void retried() {
        count("retried", "transient");
    }

    void retriesExhausted() {
        count("failed", "retries_exhausted");
    }

    void failed(String reason) {
        count("failed", code(reason));
    }

    /**
     * A message in doubt was settled: {@code found} (the platform had it: not sent again), {@code not_found} (looked
     * for, absent, sent), {@code unchecked} (sent again without looking: see {@link #resent}) or {@code redone} (an
     * update, made again: it can't duplicate anything).
     */
    void inDoubt(String platform, String result) {
        Counter.builder(IN_DOUBT)
                .description("Outbox messages in doubt (a send whose outcome is unknown) by how they were settled")
                .tag("platform", platform)
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /** A message in doubt sent again without a check: it may now be there twice. */
    void resent(String platform, String reason) {
        Counter.builder(RESENDS)
                .description("Outbox messages in doubt sent again without making sure the platform didn't have them")
                .tag("platform", platform)
                .tag("reason", code(reason))
                .register(registry)
                .increment();
    }

    /** Claims that ended without a result: {@code cause} lease_expired (a node died) or stopped (this node). */
    void released(String cause, int inDoubt, int notStarted) {
        releasedCounter(cause, true).increment(inDoubt);
        releasedCounter(cause, false).increment(notStarted);
    }

    private Counter releasedCounter(String cause, boolean inDoubt) {
        return Counter.builder(RELEASED)
                .description("Claimed outbox messages returned to the queue without a result, by whether a send had"
                        + " started (in doubt)")
                .tag("cause", cause)
                .tag("in_doubt", String.valueOf(inDoubt))
                .register(registry);
    }

    void depth(long pending) {
        depth.set(pending);
    }

    void close() {
        registry.remove(depthGauge);
    }

    private static String code(String reason) {
        return ERROR_CODE.matcher(reason).matches() ? reason : "other";
    }

    private void count(String result, String reason) {
        Counter.builder(DELIVERIES)
                .description("Outbox delivery attempts by outcome")
                .tag("result", result)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
