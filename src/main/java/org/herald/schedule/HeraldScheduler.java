package org.herald.schedule;

import org.herald.config.FeedSettings;
import org.herald.config.ScheduleSettings;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Herald's Quartz scheduler: schedules live in the JDBC job store of Herald's own database, so they survive
 * restarts (and, on PostgreSQL, spread across a cluster). One non-concurrent poll job per feed, on its
 * interval or cron; one non-concurrent send job per channel, every {@code dispatch-interval}.
 */
public final class HeraldScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeraldScheduler.class);
    /** The Quartz scheduler name every node shares: nodes with the same name on one database form a cluster. */
    static final String NAME = "herald";
    private static final String GROUP = "herald";
    private static final String DATA_SOURCE = "herald";

    private final Scheduler scheduler;

    private HeraldScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Builds, schedules and starts the jobs under a generated instance id, reporting nothing. */
    public static HeraldScheduler start(DataSource dataSource, boolean postgres, ScheduleSettings settings,
                                        Map<String, FeedPoll> polls, Map<String, SendCycle> cycles, int threads) throws SchedulerException {
        return start(dataSource, postgres, settings, polls, cycles, threads, NodeIdentity.generate(java.time.Instant.now()).instanceId(),
                Activity.NONE);
    }

    /**
     * Builds, schedules and starts the jobs. {@code instanceId} is this node's id in the cluster (the same id
     * it writes into the rows it claims); on PostgreSQL the job store is clustered and checks in twice per
     * {@code cluster-checkin-interval}.
     */
    public static HeraldScheduler start(DataSource dataSource, boolean postgres, ScheduleSettings settings,
                                        Map<String, FeedPoll> polls, Map<String, SendCycle> cycles, int threads,
                                        String instanceId, Activity activity) throws SchedulerException {
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new SharedPool(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(2, threads)));
        p.setProperty("org.quartz.jobStore.class", postgres ? ClusterJobStore.class.getName() : "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // twice per configured interval: see ClusterJobStore for the failover window this gives
        long checkInEvery = ClusterJobStore.checkInEvery(settings.clusterCheckinInterval()).toMillis();
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkInEvery));
        if (postgres) {
            // Quartz gives a trigger to the first node that acquires it, and an idle node looks for work only
            // every idleWaitTime (30 s by default): the busy node would keep every channel. Idle nodes that look
            // every dispatch interval take their share (one acquisition query per interval per idle node).
            long idle = Math.max(1000, Math.min(30_000, settings.dispatchInterval().toMillis()));
            p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(idle));
        }
        // after a database outage, check in and fetch triggers again within a check-in, not Quartz's 15 s
        p.setProperty("org.quartz.jobStore.dbRetryInterval", Long.toString(Math.min(15_000, checkInEvery)));
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(postgres));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", Boolean.toString(postgres));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.setJobFactory((bundle, s) -> {
            String name = bundle.getJobDetail().getJobDataMap().getString("name");
            String kind = bundle.getJobDetail().getJobDataMap().getString("kind");
            return "poll".equals(kind) ? new PollJob(polls.get(name), activity) : new SendJob(cycles.get(name));
        });
        scheduler.getListenerManager().addTriggerListener(new MisfireCounter(activity));

        Set<JobKey> wanted = new HashSet<>();
        for (FeedSettings feed : settings.feeds()) {
            if (!polls.containsKey(feed.name())) continue;
            JobKey key = JobKey.jobKey("poll-" + feed.name(), GROUP);
            wanted.add(key);
            JobDetail job = JobBuilder.newJob(PollJob.class).withIdentity(key).usingJobData("kind", "poll")
                    .usingJobData("name", feed.name()).storeDurably().build();
            TriggerBuilder<Trigger> trigger = TriggerBuilder.newTrigger().withIdentity("poll-" + feed.name(), GROUP).startNow();
            Trigger built = feed.cron().isPresent()
                    ? trigger.withSchedule(CronScheduleBuilder.cronSchedule(feed.cron().get()).withMisfireHandlingInstructionFireAndProceed()).build()
                    : trigger.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(feed.every().orElseThrow().toMillis())
                    .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build();
            scheduler.scheduleJob(job, Set.of(built), true);
        }
        for (String channel : cycles.keySet()) {
            JobKey key = JobKey.jobKey("send-" + channel, GROUP);
            wanted.add(key);
            JobDetail job = JobBuilder.newJob(SendJob.class).withIdentity(key).usingJobData("kind", "send")
                    .usingJobData("name", channel).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("send-" + channel, GROUP).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(settings.dispatchInterval().toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
        }
        // feeds or channels removed from the configuration stop being polled or served
        for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(existing)) scheduler.deleteJob(existing);
        }
        scheduler.start();
        return new HeraldScheduler(scheduler);
    }

    /** Polls the feed now, as its own job (so never while its scheduled poll runs); false if there is no such job. */
    public boolean triggerPoll(String feed) {
        try {
            JobKey key = JobKey.jobKey("poll-" + feed, GROUP);
            if (!scheduler.checkExists(key)) return false;
            scheduler.triggerJob(key);
            return true;
        } catch (SchedulerException e) {
            log.warn("could not start a poll of feed {}: {}", feed, e.getMessage());
            return false;
        }
    }

    /** When the feed's trigger fires next. */
    public java.util.Optional<java.time.Instant> nextPoll(String feed) {
        try {
            Trigger trigger = scheduler.getTrigger(org.quartz.TriggerKey.triggerKey("poll-" + feed, GROUP));
            return trigger == null || trigger.getNextFireTime() == null ? java.util.Optional.empty()
                    : java.util.Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the scheduler is started and taking work (not shut down, not on standby). */
    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** A job's name as people read it: "send x-main", "poll newsroom". */
    static String describeJob(String jobName) {
        if (jobName.startsWith("send-")) return "send " + jobName.substring("send-".length());
        if (jobName.startsWith("poll-")) return "poll " + jobName.substring("poll-".length());
        return jobName;
    }

    /** Counts the triggers Quartz found past their fire time (Herald was down, or every thread was busy). */
    private record MisfireCounter(Activity activity) implements org.quartz.TriggerListener {
        @Override
        public String getName() {
            return "herald-misfires";
        }

        @Override
        public void triggerFired(Trigger trigger, JobExecutionContext context) {
            // only misfires are counted
        }

        @Override
        public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
            return false;
        }

        @Override
        public void triggerMisfired(Trigger trigger) {
            activity.misfired(describeJob(trigger.getJobKey().getName()));
        }

        @Override
        public void triggerComplete(Trigger trigger, JobExecutionContext context, Trigger.CompletedExecutionInstruction instruction) {
            // only misfires are counted
        }
    }

    /** Stops taking new work and waits for the jobs in flight, so no call is cut off half-way. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }

    /** Quartz entry point for a feed poll. */
    @DisallowConcurrentExecution
    static final class PollJob implements Job {
        private final FeedPoll poll;
        private final Activity activity;

        PollJob(FeedPoll poll, Activity activity) {
            this.poll = poll;
            this.activity = activity;
        }

        @Override
        public void execute(JobExecutionContext context) {
            long started = System.nanoTime();
            boolean ok = false;
            try {
                // the poll reports nothing itself: run --once prints its own summary line instead
                java.util.Optional<String> error = poll.run().error();
                error.ifPresent(reason -> log.warn("feed {} is unhealthy: {}", poll.feed(), reason));
                ok = error.isEmpty();
            } catch (RuntimeException e) {
                log.error("Feed poll failed; the next trigger will try again", e);
            } finally {
                activity.polled(poll.feed(), java.time.Duration.ofNanos(System.nanoTime() - started), ok);
            }
        }
    }

    /** Quartz entry point for sending a channel's due rows. */
    @DisallowConcurrentExecution
    static final class SendJob implements Job {
        private final SendCycle cycle;

        SendJob(SendCycle cycle) {
            this.cycle = cycle;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                cycle.run();
            } catch (RuntimeException e) {
                log.error("Send cycle for {} failed; the next trigger will try again", cycle.channel(), e);
            }
        }
    }

    /** Lets Quartz use Herald's connection pool; closing the pool stays Herald's job. */
    private record SharedPool(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool outlives the scheduler
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
