package org.herald.publish;

import org.herald.compose.Post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;

/**
 * Sends one post now, retrying transient failures with exponential backoff and jitter, but only while the
 * next attempt still falls inside a short budget (the {@code post} command's; the daemon's outbox retries
 * over hours instead). An uncertain attempt is looked up on the platform before anything is sent again.
 */
public final class RetryBudget {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(16);

    private final Duration budget;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random jitter;

    public RetryBudget(Duration budget, Clock clock, Sleeper sleeper, Random jitter) {
        this.budget = budget;
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    /** The final outcome, and how many requests it took. */
    public record Delivery(PublishOutcome outcome, int attempts) {
    }

    /** Delivers a post queued just now. */
    public Delivery deliver(Publisher publisher, Post post) {
        return deliver(publisher, post, clock.instant());
    }

    /** Delivers a post queued at {@code queuedAt}: what is found on the platform must be no older. */
    public Delivery deliver(Publisher publisher, Post post, Instant queuedAt) {
        Instant deadline = clock.instant().plus(budget);
        int attempts = 0;
        while (true) {
            PublishOutcome outcome = publisher.publish(post);
            attempts++;
            if (outcome instanceof PublishOutcome.Uncertain) {
                var found = publisher.findPublished(post, queuedAt, Set.of());
                if (found.isPresent()) return new Delivery(found.get(), attempts);
            }
            Instant notBefore;
            if (outcome instanceof PublishOutcome.RetryLater later) notBefore = later.notBefore();
            else if (outcome instanceof PublishOutcome.Uncertain uncertain) notBefore = uncertain.notBefore();
            else return new Delivery(outcome, attempts);

            Instant now = clock.instant();
            Instant next = max(notBefore, now.plus(backoff(attempts)));
            if (next.isAfter(deadline)) return new Delivery(outcome, attempts);
            try {
                sleeper.sleep(Duration.between(now, next));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(outcome, attempts);
            }
        }
    }

    /** 1 s, 2 s, 4 s … up to 16 s, each stretched by up to a quarter at random so retries do not align. */
    Duration backoff(int attempts) {
        long base = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(10, attempts - 1));
        return Duration.ofMillis(base + (long) (jitter.nextDouble() * base / 4));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
