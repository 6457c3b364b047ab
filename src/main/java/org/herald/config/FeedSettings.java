package org.herald.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed Herald polls: where it is, how often ({@code every} or a Quartz {@code cron}), which channels its
 * stories go to, and how many of the entries already there when it is first seen are posted.
 */
public record FeedSettings(String name, String url, Optional<Duration> every, Optional<String> cron,
                           List<String> channels, int initialBacklog) {
    public FeedSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        channels = List.copyOf(channels);
        if (every.isPresent() == cron.isPresent()) throw new IllegalArgumentException("feed " + name + " needs every or cron");
        if (initialBacklog < 0) throw new IllegalArgumentException("initial-backlog must not be negative");
    }
}
