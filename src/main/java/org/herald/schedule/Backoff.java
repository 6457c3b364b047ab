package org.herald.schedule;

import java.time.Duration;
import java.util.Random;

/** Waits between attempts of one outbox row: 30 s, 1 min, 2 min … up to 1 h, each stretched by up to a quarter. */
final class Backoff {
    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofHours(1);

    private final Random jitter;

    Backoff(Random jitter) {
        this.jitter = jitter;
    }

    Duration after(int attempts) {
        long base = Math.min(MAX.toMillis(), FIRST.toMillis() << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(base + (long) (jitter.nextDouble() * base / 4));
    }
}
