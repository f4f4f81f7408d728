package dev.candor.scheduler;

import java.util.Objects;
import org.quartz.Job;

/**
 * A job instance built with its dependencies, the unique name it is stored under in the cluster, and its schedule.
 * The same instance runs every firing, possibly on several threads, so it must be stateless; and any node may run a
 * firing, so it must be idempotent. Annotate the class with {@link org.quartz.DisallowConcurrentExecution} when two
 * runs must never overlap anywhere in the cluster.
 */
public record ScheduledJob(String name, Job job, Schedule schedule) {

    public ScheduledJob {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scheduled job needs a name");
        }
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(schedule, "schedule");
        // Quartz stores the class name and loads it again on every node; a lambda's class cannot be loaded by name.
        if (job.getClass().isHidden()) {
            throw new IllegalArgumentException("job " + name + " must be a named class, not a lambda");
        }
    }
}
