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
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private HeraldScheduler scheduler;

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

    private Daemon(HeraldSettings settings, Database database, SenderLock senderLock, Clock clock, PrintStream out) {
        this.settings = settings;
        this.database = database;
        this.senderLock = senderLock;
        this.clock = clock;
        Outbox outbox = new Outbox(database.dataSource());
        FeedStates states = new FeedStates(database.dataSource());
        source = new FileAndWebSource(settings.fetch());
        Condenser condenser = new Condenser(settings.condense());
        for (FeedSettings feed : settings.schedule().feeds()) {
            polls.put(feed.name(), new FeedPoll(feed, settings.channels(), source, condenser, outbox, states, clock));
        }
        String node = node();
        for (ChannelSettings channel : settings.channels()) {
            cycles.put(channel.name(), new SendCycle(channel, Publishers.forChannel(channel, false, clock, out), outbox,
                    settings.schedule().maxAttempts(), clock, node, new SecureRandom()));
        }
    }

    /**
     * Opens the database and takes its sender lock; with the embedded database a second Herald that sends
     * (another {@code run}, {@code run --once} or {@code post}) is refused with the holder's pid.
     */
    public static Daemon open(HeraldSettings settings, Clock clock, PrintStream out) {
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
        return new Daemon(settings, database, ((SenderLock.Attempt.Taken) attempt).lock(), clock, out);
    }

    /**
     * Rows a crash left in SENDING are settled first. With the embedded database this process holds the
     * sender lock, so no other process is mid-call and every such row is orphaned; on a shared PostgreSQL,
     * only rows claimed longer ago than the sending time-out are, which outlasts any call a live node makes.
     */
    public int reconcile() {
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
        scheduler = HeraldScheduler.start(database.dataSource(), database.isPostgres(), settings.schedule(), polls, cycles,
                polls.size() + cycles.size());
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
        if (scheduler != null) scheduler.close();
        database.close();
        senderLock.close();
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "herald:" + ProcessHandle.current().pid();
        }
    }
}
