package org.herald.schedule;

import org.herald.config.ChannelSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rule for a time a person picks for a story (the {@code schedule} command, and any other front door):
 * a time so far past that the channel would expire the post is refused, a time a little past posts now, and a
 * time more than a year ahead is refused as a likely typo.
 */
public final class DueTimes {
    public static final Duration MAX_AHEAD = Duration.ofDays(365);

    private DueTimes() {
    }

    /** A usable due time (with a note for a person when it is already past), or why the time is refused. */
    public sealed interface Verdict {
        record Accepted(Instant due, Optional<String> note) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    public static Verdict check(Instant due, Instant now, List<ChannelSettings> channels) {
        if (due.isAfter(now.plus(MAX_AHEAD))) {
            return new Verdict.Refused(due + " is " + Lateness.describe(Duration.between(now, due))
                    + " ahead; a story can be scheduled at most a year ahead");
        }
        if (!due.isBefore(now)) return new Verdict.Accepted(due, Optional.empty());
        Duration late = Duration.between(due, now);
        for (ChannelSettings channel : channels) {
            Duration allowed = channel.pacing().maxLateness();
            if (late.compareTo(allowed) > 0) {
                return new Verdict.Refused(due + " is " + Lateness.describe(late) + " in the past, more than channel " + channel.name()
                        + "'s max-lateness (" + Lateness.describe(allowed) + "), so the post would expire unsent; "
                        + "use --at now to post it at the next dispatch, or a time still to come");
            }
        }
        return new Verdict.Accepted(due, Optional.of(Lateness.describe(late) + " in the past: posted now, at the next dispatch"));
    }
}
