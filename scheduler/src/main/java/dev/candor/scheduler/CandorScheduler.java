package dev.candor.scheduler;

import dev.candor.storage.Database;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, clustered through its JDBC job store on Candor's database: every node registers the same jobs and each
 * firing runs on exactly one node. Register jobs, then {@link #start()}.
 */
public final class CandorScheduler implements AutoCloseable {
    static final String GROUP = "candor";
    private static final Logger log = LoggerFactory.getLogger(CandorScheduler.class);

    private final Scheduler scheduler;
    private final PrebuiltJobFactory jobs = new PrebuiltJobFactory();

    public CandorScheduler(Database database) {
        this(database, SchedulerConfig.defaults());
    }

    public CandorScheduler(Database database, SchedulerConfig config) {
        // Quartz finds connection providers by name in a JVM-wide registry: a unique name per instance keeps two
        // schedulers on two databases (or two nodes in one test JVM) apart.
        String dataSourceName = "candor-" + UUID.randomUUID();
        DBConnectionManager.getInstance()
                .addConnectionProvider(dataSourceName, new SharedPoolConnectionProvider(database.dataSource()));
        try {
            scheduler = new StdSchedulerFactory(quartzProperties(config, dataSourceName)).getScheduler();
            // Quartz also keeps schedulers in a JVM-wide registry by cluster name, and would hand this instance to the
            // next CandorScheduler of the same cluster instead of creating one. This class holds its own reference.
            SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
            scheduler.setJobFactory(jobs);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not create the Quartz scheduler", e);
        }
    }

    /**
     * Makes {@code job} run on its schedule somewhere in the cluster. Idempotent across nodes and restarts: a stored
     * definition that already matches is left alone (so a restart does not postpone an hourly job again), one that
     * differs is replaced.
     */
    public void register(ScheduledJob job) {
        jobs.put(job);
        JobKey jobKey = JobKey.jobKey(job.name(), GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(job.name(), GROUP);
        try {
            if (isStoredAsIs(job, jobKey, triggerKey)) {
                scheduler.resetTriggerFromErrorState(triggerKey);
                return;
            }
            JobDetail detail =
                    JobBuilder.newJob(job.job().getClass()).withIdentity(jobKey).build();
            // Quartz replaces a trigger by updating it in place, which cannot change its kind (interval <-> cron):
            // remove the old one first.
            scheduler.unscheduleJob(triggerKey);
            scheduler.scheduleJob(detail, Set.of(trigger(triggerKey, jobKey, job.schedule())), true);
            log.info("scheduled job {} {}", job.name(), job.schedule());
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not register job " + job.name(), e);
        }
    }

    /**
     * Removes a job no longer in the code (renamed or replaced), with its trigger, if a cluster still stores it:
     * otherwise Quartz keeps firing a class that is gone.
     */
    public void retire(String name) {
        try {
            if (scheduler.deleteJob(JobKey.jobKey(name, GROUP))) {
                log.info("retired job {}", name);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not retire job " + name, e);
        }
    }

    public void start() {
        try {
            scheduler.start();
            log.info("scheduler started as node {}", scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not start the scheduler", e);
        }
    }

    /** This node's id in the cluster ({@code qrtz_scheduler_state.instance_name}). */
    public String nodeId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops taking firings and waits for running jobs; their triggers stay stored for the other nodes. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }

    private boolean isStoredAsIs(ScheduledJob job, JobKey jobKey, TriggerKey triggerKey) {
        try {
            JobDetail stored = scheduler.getJobDetail(jobKey);
            Trigger trigger = scheduler.getTrigger(triggerKey);
            return stored != null
                    && stored.getJobClass().equals(job.job().getClass())
                    && trigger != null
                    && matches(trigger, job.schedule());
        } catch (SchedulerException e) {
            // e.g. the stored job class no longer exists: replace the definition
            return false;
        }
    }

    private static boolean matches(Trigger trigger, Schedule schedule) {
        if (schedule instanceof Schedule.Every every && trigger instanceof SimpleTrigger simple) {
            return simple.getRepeatInterval() == every.interval().toMillis()
                    && simple.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY;
        }
        if (schedule instanceof Schedule.Cron cron && trigger instanceof CronTrigger stored) {
            return stored.getCronExpression().equals(cron.expression())
                    && stored.getTimeZone().getID().equals(cron.zone().getId());
        }
        return false;
    }

    private static Trigger trigger(TriggerKey key, JobKey jobKey, Schedule schedule) {
        TriggerBuilder<Trigger> builder =
                TriggerBuilder.newTrigger().withIdentity(key).forJob(jobKey);
        if (schedule instanceof Schedule.Cron cron) {
            return builder.withSchedule(CronScheduleBuilder.cronSchedule(cron.expression())
                            .inTimeZone(TimeZone.getTimeZone(cron.zone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
        }
        Schedule.Every every = (Schedule.Every) schedule;
        return builder.startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(every.interval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    private static Properties quartzProperties(SchedulerConfig config, String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", config.clusterName());
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.instanceIdGenerator.class", NodeIdGenerator.class.getName());
        properties.setProperty(
                "org.quartz.scheduler.idleWaitTime",
                Long.toString(config.idleWaitTime().toMillis()));
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.threads()));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        // The V2 migration creates the tables unquoted, so PostgreSQL stores them lower-case; Quartz's SQL is
        // unquoted too and folds the same way.
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        // Nodes take turns acquiring triggers under Quartz's row lock, so one firing never lands on two nodes.
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty(
                "org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(config.clusterCheckinInterval().toMillis()));
        properties.setProperty(
                "org.quartz.jobStore.misfireThreshold",
                Long.toString(config.misfireThreshold().toMillis()));
        // Job data as text, not serialized Java objects: readable, and no deserialization of stored bytes.
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        return properties;
    }
}
