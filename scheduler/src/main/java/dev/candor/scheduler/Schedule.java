package dev.candor.scheduler;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.quartz.CronExpression;

/** When a {@link ScheduledJob} runs. */
public sealed interface Schedule {

    /**
     * A Quartz cron expression (seconds first: {@code 0 0/5 * * * ?}) read in {@code zone}. A firing missed while
     * the whole cluster was down runs once on start.
     */
    record Cron(String expression, ZoneId zone) implements Schedule {
        public Cron {
            Objects.requireNonNull(zone, "zone");
            if (expression == null || !CronExpression.isValidExpression(expression)) {
                throw new IllegalArgumentException("not a Quartz cron expression: " + expression);
            }
        }
    }

    /** Every {@code interval}, starting when first registered. Missed firings are skipped, not made up in a burst. */
    record Every(Duration interval) implements Schedule {
        public Every {
            if (interval == null || interval.toMillis() < 1) {
                throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval);
            }
        }
    }

    static Schedule cron(String expression, ZoneId zone) {
        return new Cron(expression, zone);
    }

    static Schedule every(Duration interval) {
        return new Every(interval);
    }
}
