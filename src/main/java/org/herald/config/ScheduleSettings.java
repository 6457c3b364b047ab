package org.herald.config;

import java.time.Duration;
import java.util.List;

/** The daemon's own settings: the feeds it polls, retry limits, and how often channels are dispatched. */
public record ScheduleSettings(List<FeedSettings> feeds, int maxAttempts, Duration dispatchInterval, Duration sendingTimeout) {
    public ScheduleSettings {
        feeds = List.copyOf(feeds);
    }
}
