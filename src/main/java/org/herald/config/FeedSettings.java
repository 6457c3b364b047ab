package org.herald.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed Herald polls: where it is, how often ({@code every} or a Quartz {@code cron}), which channels its
 * stories go to, how many of the entries already there when it is first seen are posted, and whether a
 * person reviews its stories before they go out.
 */
public record FeedSettings(String name, String url, Optional<Duration> every, Optional<String> cron,
                           List<String> channels, int initialBacklog, Review review) {
    /** Feed setting {@code review}: whether new stories wait in PENDING_REVIEW for an editor. */
    public enum Review {
        NEVER("never"),
        ALWAYS("always"),
        /** Holds the stories whose headline confidence is below high; the others are scheduled as usual. */
        WHEN_UNSURE("when-unsure");

        private final String id;

        Review(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Review> byId(String id) {
            for (Review r : values()) if (r.id.equals(id)) return Optional.of(r);
            return Optional.empty();
        }
    }

    /** A feed whose stories are never held for review. */
    public FeedSettings(String name, String url, Optional<Duration> every, Optional<String> cron, List<String> channels, int initialBacklog) {
        this(name, url, every, cron, channels, initialBacklog, Review.NEVER);
    }

    public FeedSettings {
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        channels = List.copyOf(channels);
        if (every.isPresent() == cron.isPresent()) throw new IllegalArgumentException("feed " + name + " needs every or cron");
        if (initialBacklog < 0) throw new IllegalArgumentException("initial-backlog must not be negative");
    }
}
