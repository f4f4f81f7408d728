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
        count("failed", ERROR_CODE.matcher(reason).matches() ? reason : "other");
    }

    void depth(long pending) {
        depth.set(pending);
    }

    void close() {
        registry.remove(depthGauge);
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
