package dev.candor.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What runs of one kind against one server measured, added up: acknowledgement latencies (microseconds), correct
 * answers, errors, wall time, and how busy the machine was meanwhile.
 */
final class Result {
    /** One run. */
    record Run(Histogram latencies, long ok, long errors, long elapsedNanos, String firstError, Machine.Usage usage) {}

    private final Histogram latencies = newHistogram();
    private long ok;
    private long errors;
    private long elapsedNanos;
    private String firstError;
    private Machine.Usage usage = Machine.Usage.NONE;

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    }

    Result add(Run run) {
        latencies.add(run.latencies());
        ok += run.ok();
        errors += run.errors();
        elapsedNanos += run.elapsedNanos();
        firstError = firstError != null ? firstError : run.firstError();
        usage = usage.plus(run.usage());
        return this;
    }

    /** Correct answers per second of wall time. */
    double throughput() {
        return elapsedNanos == 0 ? 0 : ok * 1e9 / elapsedNanos;
    }

    double millis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1000.0;
    }

    long ok() {
        return ok;
    }

    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    Machine.Usage usage() {
        return usage;
    }
}
