package dev.candor.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies of one kind of request, in microseconds, with the target check. */
final class StatsLatency {
    /** ARCHITECTURE.md / issue 3: leaderboard and /kudos me at p95 under 50 ms. */
    static final double TARGET_P95_MS = 50.0;

    final String name;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);

    StatsLatency(String name) {
        this.name = name;
    }

    /** Times one call. */
    void time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        record(System.nanoTime() - start);
    }

    void record(long nanos) {
        histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMs(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return histogram.getMaxValue() / 1000.0;
    }

    boolean meetsTarget() {
        return percentileMs(95) < TARGET_P95_MS;
    }

    String row(boolean withTarget) {
        String line = "%-40s %6d %9.2f %9.2f %9.2f %9.2f"
                .formatted(name, count(), percentileMs(50), percentileMs(95), percentileMs(99), maxMs());
        return withTarget ? line + (meetsTarget() ? "   ok" : "   MISSED") : line;
    }

    static String header() {
        return "%-40s %6s %9s %9s %9s %9s".formatted("", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
    }
}
