package org.herald.config;

import java.time.Duration;

/** How Herald fetches pages and feeds over HTTP, and how much it reads of any input. */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects,
                            String userAgent) {
    public FetchSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) throw new IllegalArgumentException("connect-timeout must be positive");
        if (readTimeout.isNegative() || readTimeout.isZero()) throw new IllegalArgumentException("read-timeout must be positive");
        if (maxBytes <= 0) throw new IllegalArgumentException("max-bytes must be positive");
        if (maxRedirects < 0) throw new IllegalArgumentException("max-redirects must not be negative");
        if (userAgent.isBlank()) throw new IllegalArgumentException("user-agent must not be blank");
    }

    /** The defaults of reference.conf, for code paths (tests, benchmarks) that run without a config file. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024, 5,
                "Herald/" + HeraldVersion.current() + " (news auto-poster)");
    }
}
