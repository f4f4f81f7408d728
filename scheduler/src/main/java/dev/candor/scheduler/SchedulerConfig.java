package dev.candor.scheduler;

import java.time.Duration;

/**
 * Quartz settings.
 *
 * @param clusterName the same on every node: it is the {@code sched_name} the cluster shares its jobs under
 * @param threads jobs that may run at once on one node
 * @param clusterCheckinInterval how often a node reports alive; a node silent for longer has its jobs recovered
 * @param misfireThreshold how late a firing may start before it counts as missed
 * @param idleWaitTime how long a node sleeps when nothing is due (at least 1 s); it also bounds how soon a node
 *     notices a trigger another node just stored
 */
public record SchedulerConfig(
        String clusterName,
        int threads,
        Duration clusterCheckinInterval,
        Duration misfireThreshold,
        Duration idleWaitTime) {

    public SchedulerConfig {
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("clusterName must not be blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        if (idleWaitTime.toMillis() < 1000) {
            throw new IllegalArgumentException("Quartz does not accept an idleWaitTime under 1 s");
        }
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig("candor", 4, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
