package org.herald.config;

import java.time.Duration;

/** How the {@code post} command retries a failed attempt before giving up. */
public record PostSettings(Duration retryBudget) {
    public PostSettings {
        if (retryBudget.isNegative()) throw new IllegalArgumentException("post.retry-budget must not be negative");
    }
}
