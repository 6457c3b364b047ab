package org.herald.schedule;

import org.herald.condense.Condenser;
import org.herald.config.ChannelSettings;
import org.herald.config.FeedSettings;
import org.herald.config.HeraldSettings;
import org.herald.outbox.Database;
import org.herald.outbox.FeedStates;
import org.herald.outbox.Outbox;
import org.herald.outbox.SenderLock;
import org.herald.outbox.StorageException;
import org.herald.publish.Publishers;
import org.herald.source.FileAndWebSource;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Herald's main job: feeds polled into the outbox, the outbox sent to the channels, on Quartz's schedule. */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final HeraldSettings settings;
    private final Database database;
    private final Clock clock;
    private final Map<String, FeedPoll> polls = new LinkedHashMap<>();
    private final Map<String, SendCycle> cycles = new LinkedHashMap<>();
    private final SenderLock senderLock;
    private final FileAndWebSource source;
    private final NodeIdentity node;
    private final Activity activity;
    private final ClusterNodes cluster;
    private HeraldScheduler scheduler;
    private java.util.concurrent.@org.jspecify.annotations.Nullable CompletableFuture<Boolean> ping;
    private static final java.util.concurrent.Executor PINGER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "herald-db-ping");
        t.setDaemon(true);
        return t;
    });

    /** What one {@code run --once} did. */
    public record OnceReport(List<FeedPoll.Result> feeds, List<SendCycle.Dispatch> channels, int reconciled) {
        public boolean anyFeedFailed() {
            return feeds.stream().anyMatch(f -> f.error().isPresent());
        }

        /** Posts each channel's platform accepted, by channel name. */
        public Map<String, Integer> sent() {
            Map<String, Integer> sent = new LinkedHashMap<>();
            for (SendCycle.Dispatch d : channels) sent.put(d.channel(), d.sent());
            return sent;
        }

        public boolean anyDueUnsent() {
            return channels.stream().anyMatch(SendCycle.Dispatch::leftDueUnsent);
        }
    }

    private Daemon(HeraldSettings settings, Database database, SenderLock senderLock, Clock clock, PrintStream out, Activity activity) {
        this.settings = settings;
        this.database = database;
        this.senderLock = senderLock;
        this.clock = clock;
        this.activity = activity;
        this.node = NodeIdentity.generate(clock.instant());
        this.cluster = new ClusterNodes(database.dataSource());
        Outbox outbox = new Outbox(database.dataSource());
        FeedStates states = new FeedStates(database.dataSource());
        source = new FileAndWebSource(settings.fetch());
        Condenser condenser = new Condenser(settings.condense());
        for (FeedSettings feed : settings.schedule().feeds()) {
            polls.put(feed.name(), new FeedPoll(feed, settings.channels(), source, condenser, outbox, states, clock));
        }
        SendCycle.Orphans orphans = database.isPostgres() ? new AbandonedClaims() : SendCycle.Orphans.NONE;
        for (ChannelSettings channel : settings.channels()) {
            cycles.put(channel.name(), new SendCycle(channel, Publishers.forChannel(channel, false, clock, out), outbox,
                    settings.schedule().maxAttempts(), clock, node.instanceId(), new SecureRandom(), activity, orphans));
        }
    }

    /**
     * On a shared PostgreSQL a row in SENDING is abandoned only when both hold: it was claimed longer ago than
     * the sending time-out (which outlasts any call, checked at start-up), and its claimer is not a live node
     * (it has missed two check-ins, or never was one: a finished {@code post}).
     */
    private final class AbandonedClaims implements SendCycle.Orphans {
        @Override
        public Optional<Instant> claimedBefore(Instant now) {
            return Optional.of(now.minus(settings.schedule().sendingTimeout()));
        }

        @Override
        public boolean claimerIsLive(String claimer, Instant now) {
            // this node's own rows are mid-call only inside the channel's own sequential dispatcher, which is
            // the caller: none of them is in flight while it settles
            return !claimer.equals(node.instanceId()) && cluster.isLive(claimer, now);
        }
    }

    /**
     * Opens the database and takes its sender lock; with the embedded database a second Herald that sends
     * (another {@code run}, {@code run --once} or {@code post}) is refused with the holder's pid.
     */
    public static Daemon open(HeraldSettings settings, Clock clock, PrintStream out) {
        return open(settings, clock, out, Activity.NONE);
    }

    /** As {@link #open(HeraldSettings, Clock, PrintStream)}, telling {@code activity} what the main job does. */
    public static Daemon open(HeraldSettings settings, Clock clock, PrintStream out, Activity activity) {
        Database database = Database.open(settings.storage());
        SenderLock.Attempt attempt;
        try {
            attempt = SenderLock.tryTake(database, "herald run", clock.instant());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (attempt instanceof SenderLock.Attempt.HeldElsewhere held) {
            database.close();
            throw new StorageException(held.refusal(), null);
        }
        return new Daemon(settings, database, ((SenderLock.Attempt.Taken) attempt).lock(), clock, out, activity);
    }

    /**
     * Rows a crash left in SENDING are settled first. With the embedded database this process holds the
     * sender lock, so no other process is mid-call and every such row is orphaned; on a shared PostgreSQL,
     * only rows claimed longer ago than the sending time-out are, which outlasts any call a live node makes.
     */
    public int reconcile() {
        // with PostgreSQL, the rows' claimers are checked too: a live node's row is never taken from it
        Instant before = database.isPostgres() ? clock.instant().minus(settings.schedule().sendingTimeout()) : clock.instant().plusSeconds(1);
        int settled = 0;
        for (SendCycle cycle : cycles.values()) settled += cycle.reconcile(before);
        if (settled > 0) log.warn("settled {} posts left mid-call when Herald last stopped", settled);
        return settled;
    }

    /** One poll of every feed and one dispatch of everything due, then return. */
    public OnceReport runOnce() {
        int reconciled = reconcile();
        List<FeedPoll.Result> feeds = new ArrayList<>();
        for (FeedPoll poll : polls.values()) feeds.add(poll.run());
        List<SendCycle.Dispatch> sent = new ArrayList<>();
        for (SendCycle cycle : cycles.values()) sent.add(cycle.run());
        return new OnceReport(feeds, sent, reconciled);
    }

    /** Starts the Quartz jobs; they run until {@link #close()}. */
    public void start() throws SchedulerException {
        reconcile();
        // recorded on the embedded database too, so the console can show its one node
        cluster.register(node);
        scheduler = HeraldScheduler.start(database.dataSource(), database.isPostgres(), settings.schedule(), polls, cycles,
                polls.size() + cycles.size(), node.instanceId(), activity);
    }

    /** This node: its instance id is its Quartz id and the {@code claimed_by} of every row it claims. */
    public NodeIdentity node() {
        return node;
    }

    /**
     * The database answers a trivial query within {@code timeout}. Probes come from outside (a load balancer,
     * Kubernetes) as often as they like: one ping at a time is in flight, and later probes wait on it.
     */
    public boolean databaseAnswers(java.time.Duration timeout) {
        java.util.concurrent.CompletableFuture<Boolean> ping;
        synchronized (this) {
            ping = this.ping;
            if (ping == null || ping.isDone()) {
                ping = java.util.concurrent.CompletableFuture.supplyAsync(this::pingOnce, PINGER);
                this.ping = ping;
            }
        }
        try {
            return ping.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean pingOnce() {
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            st.execute("SELECT 1");
            return true;
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether this node's scheduler is taking work: started and, in a cluster, it has not missed two check-ins
     * (a node cut off from the database stops checking in, and the others take its work).
     */
    public boolean schedulerCheckedIn(Instant now) {
        if (scheduler == null || !scheduler.isRunning()) return false;
        if (!database.isPostgres()) return true;
        try {
            return cluster.isLive(node.instanceId(), now);
        } catch (StorageException e) {
            return false;
        }
    }

    /** Nodes checking in now: 1 for the embedded database, which has only this one. */
    public int nodesAlive(Instant now) {
        return database.isPostgres() ? cluster.countAlive(now) : 1;
    }

    public boolean clustered() {
        return database.isPostgres();
    }

    public Outbox outbox() {
        return new Outbox(database.dataSource());
    }

    javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    public FeedStates feedStates() {
        return new FeedStates(database.dataSource());
    }

    /** The database the daemon runs on, for the console it serves. */
    public Database database() {
        return database;
    }

    /** Why a channel is paused for its credentials, as this node's send cycle last saw. */
    public java.util.Optional<String> credentialPause(String channel) {
        SendCycle cycle = cycles.get(channel);
        return cycle == null ? java.util.Optional.empty() : cycle.pausedFor();
    }

    /** Starts a poll of the feed now; false if the daemon is not running or has no such feed. */
    public boolean pollNow(String feed) {
        return scheduler != null && scheduler.triggerPoll(feed);
    }

    public java.util.Optional<Instant> nextPoll(String feed) {
        return scheduler == null ? java.util.Optional.empty() : scheduler.nextPoll(feed);
    }

    /**
     * Stops within moments: feed fetches in flight are abandoned (the feed is polled again on the next start),
     * channels claim no new row, and only platform calls already under way are waited for, each bounded by
     * its channel's own time-outs.
     */
    @Override
    public void close() {
        source.close();
        cycles.values().forEach(SendCycle::stop);
        if (scheduler != null) {
            scheduler.close();
            try {
                cluster.markStopped(node.instanceId(), clock.instant());
            } catch (StorageException e) {
                log.warn("could not record this node's stop: {}", e.getMessage());
            }
        }
        database.close();
        senderLock.close();
    }
}
