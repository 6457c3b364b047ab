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
    private volatile Optional<String> pausedFor = Optional.empty();
    private volatile Instant nextProbe = Instant.MIN;

    public SendCycle(ChannelSettings channel, Publisher publisher, Outbox outbox, int maxAttempts, Clock clock, String node, Random jitter) {
        this.channel = channel;
        this.publisher = publisher;
        this.outbox = outbox;
        this.pacer = new Pacer(channel.name(), channel.pacing(), outbox);
        this.backoff = new Backoff(jitter);
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.node = node;
    }

    public String channel() {
        return channel.name();
    }

    public boolean isPaused() {
        return pausedFor.isPresent();
    }

    /** Why the channel is paused for its credentials, if it is. */
    public Optional<String> pausedFor() {
        return pausedFor;
    }

    /** Sends every row that is due and allowed now; returns how many reached the platform. */
    public int run() {
        if (outbox.isChannelPaused(channel.name())) return 0; // paused by an admin in the console
        if (pausedFor.isPresent() && !probeCredentials()) return 0;
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxEntry> due = outbox.due(channel.name(), now, 16);
            if (due.isEmpty()) return sent;
            boolean progressed = false;
            for (OutboxEntry entry : due) {
                now = clock.instant();
                if (now.isAfter(entry.due().plus(channel.pacing().maxLateness()))) {
                    String reason = "not posted: " + Duration.between(entry.due(), now).toMinutes() + " min late, past max-lateness "
                            + channel.pacing().maxLateness().toHours() + " h";
                    if (outbox.expire(entry.id(), reason, now)) log.warn("{}: row {} EXPIRED, {}", channel.name(), entry.id(), reason);
                    progressed = true;
                    continue;
                }
                if (pacer.notBefore(now).isPresent()) return sent;
                if (!outbox.claim(entry.id(), node, now)) continue;
                progressed = true;
                PublishOutcome outcome = publisher.publish(post(entry));
                sent++;
                record(entry, outcome);
                if (pausedFor.isPresent()) return sent;
            }
            if (!progressed) return sent;
        }
    }

    /**
     * Settles rows left in SENDING by a crash or a kill: the platform is asked whether it has the post
     * (Facebook); if it does the row is SENT, otherwise it goes back in line. For X, sending again is safe:
     * X refuses identical text as a duplicate, which is recorded as sent.
     */
    public int reconcile(Instant claimedBefore) {
        int settled = 0;
        for (OutboxEntry entry : outbox.stuckSending(channel.name(), claimedBefore)) {
            Instant now = clock.instant();
            Optional<PublishOutcome.Published> found = publisher.findPublished(post(entry));
            if (found.isPresent()) {
                outbox.markSent(entry.id(), found.get().remoteId(), found.get().url(), now);
                log.info("{}: row {} was posted before Herald stopped: {}", channel.name(), entry.id(), found.get().url());
            } else {
                outbox.release(entry.id(), now, "Herald stopped during the call; outcome unknown, sending again", now);
            }
            settled++;
        }
        return settled;
    }

    private void record(OutboxEntry entry, PublishOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof PublishOutcome.Published published) {
            outbox.markSent(entry.id(), published.remoteId(), published.url(), now);
            log.info("{}: row {} posted {}", channel.name(), entry.id(), published.url());
        } else if (outcome instanceof PublishOutcome.Duplicate duplicate) {
            outbox.markDuplicate(entry.id(), "already posted: " + duplicate.reason(), now);
        } else if (outcome instanceof PublishOutcome.AuthFailed auth) {
            outbox.release(entry.id(), now, auth.describe(), now);
            pause(auth.reason());
        } else if (outcome instanceof PublishOutcome.Rejected rejected) {
            outbox.markFailed(entry.id(), rejected.describe(), now);
            log.warn("{}: row {} FAILED: {}", channel.name(), entry.id(), rejected.reason());
        } else if (outcome instanceof PublishOutcome.Uncertain uncertain) {
            Optional<PublishOutcome.Published> found = publisher.findPublished(post(entry));
            if (found.isPresent()) outbox.markSent(entry.id(), found.get().remoteId(), found.get().url(), now);
            else retryOrFail(entry, uncertain.notBefore(), uncertain.describe(), now);
        } else if (outcome instanceof PublishOutcome.RetryLater later) {
            retryOrFail(entry, later.notBefore(), later.describe(), now);
        }
    }

    private void retryOrFail(OutboxEntry entry, Instant notBefore, String reason, Instant now) {
        int attempts = entry.attempts() + 1;
        if (attempts >= maxAttempts) {
            outbox.markFailed(entry.id(), reason + " (gave up after " + attempts + " attempts)", now);
            log.warn("{}: row {} FAILED after {} attempts: {}", channel.name(), entry.id(), attempts, reason);
            return;
        }
        Instant next = now.plus(backoff.after(attempts));
        outbox.reschedule(entry.id(), notBefore.isAfter(next) ? notBefore : next, reason, now);
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
