package org.herald.schedule;

import org.herald.compose.Post;
import org.herald.config.ChannelSettings;
import org.herald.config.Network;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.publish.AccountCheck;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Sends one channel's due outbox rows, one at a time and within its pacing. Each row is claimed (SENDING,
 * committed) before the platform is called and its outcome is committed right after, so a crash leaves at
 * most the row that was mid-call in SENDING; {@link #reconcile} settles such rows before they are sent again.
 */
public final class SendCycle {
    private static final Logger log = LoggerFactory.getLogger(SendCycle.class);
    /** While a channel is paused for bad credentials, they are checked again this often. */
    private static final Duration AUTH_PROBE = Duration.ofMinutes(5);

    private final ChannelSettings channel;
    private final Publisher publisher;
    private final Outbox outbox;
    private final Pacer pacer;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;
    private final String node;
    private final Activity activity;
    private final Orphans orphans;
    private volatile Optional<String> pausedFor = Optional.empty();
    private volatile boolean stopping;
    private volatile Instant nextProbe = Instant.MIN;
    /** Rows of the other mode last seen waiting, so their warning is logged when the number changes, not every cycle. */
    private volatile int lastOtherMode;

    /**
     * Which rows left in SENDING are abandoned and may be settled during normal dispatch: on a shared
     * PostgreSQL, rows claimed longer ago than the sending time-out by a node that is no longer live.
     * {@link #NONE} for the embedded database, where only start-up settles them: the starting process holds
     * the sender lock, so every claimer is gone.
     */
    public interface Orphans {
        Orphans NONE = new Orphans() {
            @Override
            public Optional<Instant> claimedBefore(Instant now) {
                return Optional.empty();
            }

            @Override
            public boolean claimerIsLive(String claimer, Instant now) {
                return false;
            }
        };

        /** Rows claimed before this may be abandoned; empty: none are looked for now. */
        Optional<Instant> claimedBefore(Instant now);

        boolean claimerIsLive(String claimer, Instant now);
    }

    public SendCycle(ChannelSettings channel, Publisher publisher, Outbox outbox, int maxAttempts, Clock clock, String node, Random jitter) {
        this(channel, publisher, outbox, maxAttempts, clock, node, jitter, Activity.NONE, Orphans.NONE);
    }

    public SendCycle(ChannelSettings channel, Publisher publisher, Outbox outbox, int maxAttempts, Clock clock, String node, Random jitter,
                     Activity activity, Orphans orphans) {
        this.channel = channel;
        this.publisher = publisher;
        this.outbox = outbox;
        this.activity = activity;
        this.orphans = orphans;
        // a row in SENDING may have reached the platform any time until its call's time-outs ran out
        this.pacer = new Pacer(channel.name(), channel.pacing(), outbox, channel.connectTimeout().plus(channel.readTimeout()));
        this.backoff = new Backoff(jitter);
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.node = node;
    }

    public String channel() {
        return channel.name();
    }

    /** Lets the call in flight finish but claims no further row: Herald is stopping. */
    public void stop() {
        stopping = true;
    }

    public boolean isPaused() {
        return pausedFor.isPresent();
    }

    /** What one pass over a channel's due rows did: counted from the platform's answers, not from the calls made. */
    public record Dispatch(String channel, int sent, int failed, int retrying, int expired, Optional<String> pausedFor,
                           int waitingWhilePaused, Optional<Instant> heldUntil, int otherMode, boolean dryRun, List<String> reasons) {
        /** Whether anything that was due is still not sent after this pass (pacing aside: it holds posts on purpose). */
        public boolean leftDueUnsent() {
            return failed > 0 || retrying > 0 || expired > 0 || waitingWhilePaused > 0 || otherMode > 0;
        }
    }

    /** Why the channel is paused for its credentials, if it is. */
    public Optional<String> pausedFor() {
        return pausedFor;
    }

    /** Sends every row that is due and allowed now. */
    public Dispatch run() {
        Tally tally = new Tally();
        activity.dispatching(channel.name(), clock.instant());
        if (outbox.isChannelPaused(channel.name())) {
            tally.pause = Optional.of("paused by an admin in the console (resume it there)");
            return tally.done();
        }
        Optional<Instant> abandonedBefore = orphans.claimedBefore(clock.instant());
        if (abandonedBefore.isPresent()) settleAbandoned(abandonedBefore.get());
        if (pausedFor.isPresent() && !probeCredentials()) return tally.done();
        expireUnreviewed();
        while (true) {
            Instant now = clock.instant();
            List<OutboxEntry> due = outbox.due(channel.name(), channel.dryRun(), now, 16);
            if (due.isEmpty()) return tally.done();
            boolean progressed = false;
            for (OutboxEntry entry : due) {
                now = clock.instant();
                if (now.isAfter(entry.due().plus(channel.pacing().maxLateness()))) {
                    String reason = "not posted: " + Lateness.describe(Duration.between(entry.due(), now)) + " late, past max-lateness "
                            + Lateness.describe(channel.pacing().maxLateness());
                    if (outbox.expire(entry.id(), reason, now)) {
                        log.warn("{}: row {} EXPIRED, {}", channel.name(), entry.id(), reason);
                        activity.expired(channel.name());
                        tally.expired++;
                        tally.reason(reason);
                    }
                    progressed = true;
                    continue;
                }
                if (stopping) return tally.done();
                Optional<Instant> held = pacer.notBefore(now);
                if (held.isPresent()) {
                    tally.heldUntil = held;
                    return tally.done();
                }
                if (!outbox.claim(entry.id(), node, now)) continue;
                progressed = true;
                Post post = post(entry);
                long started = System.nanoTime();
                PublishOutcome outcome = publisher.publish(post);
                activity.published(channel.name(), post.network(), Duration.ofNanos(System.nanoTime() - started));
                record(entry, outcome, tally);
                activity.dispatching(channel.name(), clock.instant());
                if (pausedFor.isPresent()) return tally.done();
            }
            if (!progressed) return tally.done();
        }
    }

    /** Rows held for review past max-lateness are stale news: EXPIRED, shown so on /review, posted only "anyway". */
    private void expireUnreviewed() {
        Instant now = clock.instant();
        int expired = outbox.expireHeld(channel.name(), now.minus(channel.pacing().maxLateness()),
                "not reviewed within max-lateness " + Lateness.describe(channel.pacing().maxLateness()), now);
        if (expired > 0) log.warn("{}: {} row(s) held for review EXPIRED unreviewed", channel.name(), expired);
    }

    /** Counts of one pass, turned into a {@link Dispatch} once the pass ends. */
    private final class Tally {
        int sent;
        int failed;
        int retrying;
        int expired;
        Optional<Instant> heldUntil = Optional.empty();
        Optional<String> pause = Optional.empty();
        final java.util.LinkedHashSet<String> reasons = new java.util.LinkedHashSet<>();

        void reason(String reason) {
            if (reasons.size() < 5) reasons.add(reason);
        }

        Dispatch done() {
            Instant now = clock.instant();
            activity.dispatching(channel.name(), now);
            Optional<String> paused = pause.or(() -> pausedFor);
            int waiting = paused.isPresent() ? outbox.countDue(channel.name(), channel.dryRun(), now) : 0;
            int otherMode = outbox.countDue(channel.name(), !channel.dryRun(), now);
            if (otherMode > 0 && otherMode != lastOtherMode) {
                log.warn("{}: {} {} {} due but not sent by this {} channel; they wait for it to be {} again (or `herald cancel ID`)",
                        channel.name(), otherMode, channel.dryRun() ? "live" : "dry-run", otherMode == 1 ? "post is" : "posts are",
                        channel.dryRun() ? "dry-run" : "live", channel.dryRun() ? "live" : "dry-run");
            }
            lastOtherMode = otherMode;
            return new Dispatch(channel.name(), sent, failed, retrying, expired, paused, waiting, heldUntil, otherMode,
                    channel.dryRun(), List.copyOf(reasons));
        }
    }

    /**
     * Settles rows left in SENDING by a crash or a kill: the platform is asked whether it has the post
     * (Facebook); if it does the row is SENT, otherwise it goes back in line. For X, sending again is safe:
     * X refuses identical text as a duplicate, which is recorded as sent.
     */
    public int reconcile(Instant claimedBefore) {
        int settled = 0;
        for (OutboxEntry entry : outbox.stuckSending(channel.name(), channel.dryRun(), claimedBefore)) {
            Instant now = clock.instant();
            // a live node's call may still be in flight (a slow platform, a stalled node): never take it over
            if (entry.claimedBy().isPresent() && orphans.claimerIsLive(entry.claimedBy().get(), now)) continue;
            Optional<PublishOutcome.Published> found = publisher.findPublished(post(entry), entry.createdAt(), outbox.otherCopiesPosts(entry));
            if (found.isPresent()) {
                outbox.markSent(entry.id(), found.get().remoteId(), found.get().url(), now);
                activity.sent(channel.name());
                log.info("{}: row {} was posted before Herald stopped: {}", channel.name(), entry.id(), found.get().url());
            } else {
                outbox.release(entry.id(), now, "Herald stopped during the call; outcome unknown, sending again", now);
            }
            settled++;
        }
        return settled;
    }

    /** Rows a dead node left mid-call, settled here because this node now runs the channel. */
    private void settleAbandoned(Instant claimedBefore) {
        int settled = reconcile(claimedBefore);
        if (settled > 0) log.warn("{}: settled {} posts a stopped node left mid-call", channel.name(), settled);
    }

    private void record(OutboxEntry entry, PublishOutcome outcome, Tally tally) {
        Instant now = clock.instant();
        if (outcome instanceof PublishOutcome.Published published) {
            outbox.markSent(entry.id(), published.remoteId(), published.url(), now);
            log.info("{}: row {} posted {}", channel.name(), entry.id(), published.url());
            activity.sent(channel.name());
            tally.sent++;
        } else if (outcome instanceof PublishOutcome.Duplicate duplicate) {
            outbox.markDuplicate(entry.id(), "already posted: " + duplicate.reason(), now);
            activity.sent(channel.name());
            tally.sent++;
        } else if (outcome instanceof PublishOutcome.AuthFailed auth) {
            outbox.release(entry.id(), now, auth.describe(), now);
            pause(auth.reason());
            tally.reason(auth.describe());
        } else if (outcome instanceof PublishOutcome.Rejected rejected) {
            outbox.markFailed(entry.id(), rejected.describe(), now);
            log.warn("{}: row {} FAILED: {}", channel.name(), entry.id(), rejected.reason());
            activity.failed(channel.name());
            tally.failed++;
            tally.reason(rejected.describe());
        } else if (outcome instanceof PublishOutcome.Uncertain uncertain) {
            Optional<PublishOutcome.Published> found = publisher.findPublished(post(entry), entry.createdAt(), outbox.otherCopiesPosts(entry));
            if (found.isPresent()) {
                outbox.markSent(entry.id(), found.get().remoteId(), found.get().url(), now);
                activity.sent(channel.name());
                tally.sent++;
            } else {
                retryOrFail(entry, uncertain.notBefore(), uncertain.describe(), now, tally);
            }
        } else if (outcome instanceof PublishOutcome.RetryLater later) {
            retryOrFail(entry, later.notBefore(), later.describe(), now, tally);
        }
    }

    private void retryOrFail(OutboxEntry entry, Instant notBefore, String reason, Instant now, Tally tally) {
        int attempts = entry.attempts() + 1;
        tally.reason(reason);
        if (attempts >= maxAttempts) {
            outbox.markFailed(entry.id(), reason + " (gave up after " + attempts + " attempts)", now);
            log.warn("{}: row {} FAILED after {} attempts: {}", channel.name(), entry.id(), attempts, reason);
            activity.failed(channel.name());
            tally.failed++;
            return;
        }
        Instant next = now.plus(backoff.after(attempts));
        outbox.reschedule(entry.id(), notBefore.isAfter(next) ? notBefore : next, reason, now);
        tally.retrying++;
    }

    private void pause(String reason) {
        if (pausedFor.isEmpty()) {
            log.error("CHANNEL {} PAUSED: {} — its posts wait in the outbox until the credentials work again "
                    + "(checked every {} min; `herald check` tests them now)", channel.name(), reason, AUTH_PROBE.toMinutes());
        }
        pausedFor = Optional.of(reason);
        nextProbe = clock.instant().plus(AUTH_PROBE);
    }

    private boolean probeCredentials() {
        Instant now = clock.instant();
        if (now.isBefore(nextProbe)) return false;
        AccountCheck check = publisher.check();
        if (check instanceof AccountCheck.Ok ok) {
            log.warn("channel {} resumed: credentials work again ({})", channel.name(), ok.account());
            pausedFor = Optional.empty();
            return true;
        }
        pause(((AccountCheck.Failed) check).reason());
        return false;
    }

    private Post post(OutboxEntry entry) {
        Network network = Network.byId(entry.network()).orElse(channel.network());
        return new Post(entry.channel(), network, entry.text(), entry.link(), 0, 0, true, false);
    }
}
