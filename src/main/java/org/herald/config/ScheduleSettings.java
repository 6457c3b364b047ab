package org.herald.config;

import java.time.Duration;
import java.util.List;

/**
 * The daemon's own settings: the feeds it polls, retry limits, how often channels are dispatched, when a row
 * left SENDING counts as abandoned, and how often a node checks in with the cluster (PostgreSQL).
 */
public record ScheduleSettings(List<FeedSettings> feeds, int maxAttempts, Duration dispatchInterval, Duration sendingTimeout,
                               Duration clusterCheckinInterval) {
    /** reference.conf's {@code schedule.cluster-checkin-interval}. */
    public static final Duration DEFAULT_CHECKIN_INTERVAL = Duration.ofMillis(7500);

    public ScheduleSettings {
        feeds = List.copyOf(feeds);
    }

    public ScheduleSettings(List<FeedSettings> feeds, int maxAttempts, Duration dispatchInterval, Duration sendingTimeout) {
        this(feeds, maxAttempts, dispatchInterval, sendingTimeout, DEFAULT_CHECKIN_INTERVAL);
    }
}
