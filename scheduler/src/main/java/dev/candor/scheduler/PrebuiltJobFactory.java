package dev.candor.scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands Quartz the job instances built at startup with their dependencies, instead of reflective no-arg ones. */
final class PrebuiltJobFactory implements JobFactory {
    private static final Logger log = LoggerFactory.getLogger(PrebuiltJobFactory.class);

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    void put(ScheduledJob job) {
        jobs.put(job.name(), job.job());
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
        JobKey key = bundle.getJobDetail().getKey();
        Job job = jobs.get(key.getName());
        if (job != null) {
            return job;
        }
        // A node of another version registered a job this one lacks (rolling upgrade). Skipping this firing lets
        // a node that knows the job take the next one; throwing would put the trigger in ERROR for the whole cluster.
        return context -> log.warn("job {} is not registered on this node; skipped one firing", key);
    }
}
