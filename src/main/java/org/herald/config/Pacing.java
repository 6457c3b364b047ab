package org.herald.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How fast a channel may post: a minimum gap between posts, hourly and daily maximums, optional quiet
 * hours in the channel's time zone, and how late a post may still go out after its due time.
 */
public record Pacing(Duration minGap, int maxPerHour, int maxPerDay, Optional<QuietHours> quietHours, ZoneId timeZone,
                     Duration maxLateness) {
    /** A daily window (it may cross midnight) in which nothing is posted. */
    public record QuietHours(LocalTime start, LocalTime end) {
        public boolean contains(LocalTime time) {
            return start.isBefore(end)
                    ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public static Pacing none() {
        return new Pacing(Duration.ZERO, 0, 0, Optional.empty(), ZoneId.of("UTC"), Duration.ofHours(6));
    }
}
