package org.herald.schedule;

import org.herald.config.Pacing;
import org.herald.outbox.Outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Decides when a channel may post next: minimum gap, hourly and daily maximums, quiet hours. */
public final class Pacer {
    private final String channel;
    private final Pacing pacing;
    private final Outbox outbox;
    private final Duration callTimeout;

    /**
     * Pacing is read from the outbox, not kept in memory, so it holds across the whole cluster whichever
     * node runs the channel; {@code callTimeout} bounds when a row still SENDING may have been posted.
     */
    public Pacer(String channel, Pacing pacing, Outbox outbox, Duration callTimeout) {
        this.channel = channel;
        this.pacing = pacing;
        this.outbox = outbox;
        this.callTimeout = callTimeout;
    }

    Pacer(String channel, Pacing pacing, Outbox outbox) {
        this(channel, pacing, outbox, Duration.ZERO);
    }

    /** Empty if the channel may post now; otherwise the earliest time it may. */
    public Optional<Instant> notBefore(Instant now) {
        Instant earliest = now;
        if (pacing.quietHours().isPresent()) {
            Pacing.QuietHours quiet = pacing.quietHours().get();
            ZonedDateTime local = now.atZone(pacing.timeZone());
            if (quiet.contains(local.toLocalTime())) {
                ZonedDateTime end = local.with(quiet.end());
                if (!end.isAfter(local)) end = end.plusDays(1);
                earliest = later(earliest, end.toInstant());
            }
        }
        if (!pacing.minGap().isZero()) {
            Optional<Instant> last = outbox.lastPosted(channel, callTimeout);
            if (last.isPresent()) earliest = later(earliest, last.get().plus(pacing.minGap()));
        }
        if (pacing.maxPerHour() > 0 && outbox.sentSince(channel, now.minus(Duration.ofHours(1))) >= pacing.maxPerHour()) {
            earliest = later(earliest, now.plus(Duration.ofMinutes(1)));
        }
        if (pacing.maxPerDay() > 0 && outbox.sentSince(channel, now.minus(Duration.ofDays(1))) >= pacing.maxPerDay()) {
            earliest = later(earliest, now.plus(Duration.ofMinutes(10)));
        }
        return earliest.isAfter(now) ? Optional.of(earliest) : Optional.empty();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
