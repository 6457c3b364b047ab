package org.herald.fakes;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed rate-limit window as X runs them: it opens at the first counted call and closes {@code length} later,
 * when the count starts again from zero. Not thread-safe: the owning fake holds its lock.
 */
final class FixedWindow {
    private final int limit;
    private final Duration length;
    private Instant start;
    private int used;

    FixedWindow(int limit, Duration length) {
        this.limit = limit;
        this.length = length;
    }

    int limit() {
        return limit;
    }

    boolean exhausted(Instant now) {
        roll(now);
        return used >= limit;
    }

    void count(Instant now) {
        roll(now);
        if (start == null) {
            start = now;
        }
        used++;
    }

    int remaining(Instant now) {
        roll(now);
        return Math.max(0, limit - used);
    }

    /** When the current window ends (for an unopened window: where it would end if opened now). */
    Instant reset(Instant now) {
        roll(now);
        return (start == null ? now : start).plus(length);
    }

    /** The reset as X sends it: epoch seconds, rounded up so that waiting until then always suffices. */
    long resetEpochSeconds(Instant now) {
        Instant reset = reset(now);
        return reset.getNano() == 0 ? reset.getEpochSecond() : reset.getEpochSecond() + 1;
    }

    private void roll(Instant now) {
        if (start != null && !now.isBefore(start.plus(length))) {
            start = null;
            used = 0;
        }
    }
}
