package org.herald.cli;

import org.herald.config.SecretRedaction;
import org.herald.schedule.SendCycle;

import java.util.ArrayList;
import java.util.List;

/** One line per channel after {@code run --once}: what the platform accepted, and what was due but not sent, and why. */
final class OnceSummary {
    private OnceSummary() {
    }

    static String describe(SendCycle.Dispatch d) {
        List<String> parts = new ArrayList<>();
        parts.add(d.sent() + " sent" + (d.dryRun() ? " (dry-run)" : ""));
        if (d.failed() > 0) parts.add(d.failed() + " failed");
        if (d.retrying() > 0) parts.add(d.retrying() + " to retry later");
        if (d.expired() > 0) parts.add(d.expired() + " expired");
        if (d.pausedFor().isPresent()) {
            parts.add("PAUSED: " + d.pausedFor().get() + " (" + posts(d.waitingWhilePaused()) + " wait in the outbox; `herald check` tests the credentials)");
        }
        if (d.otherMode() > 0) {
            parts.add(posts(d.otherMode()) + " queued while it was " + (d.dryRun() ? "live" : "dry-run") + " not sent by this "
                    + (d.dryRun() ? "dry-run" : "live") + " pass");
        }
        d.heldUntil().ifPresent(t -> parts.add("pacing holds the next post until " + t));
        String line = "channel " + d.channel() + ": " + String.join(", ", parts);
        if (!d.reasons().isEmpty() && (d.failed() > 0 || d.retrying() > 0 || d.expired() > 0)) {
            line += "; last reason: " + d.reasons().get(d.reasons().size() - 1);
        }
        return SecretRedaction.redact(line);
    }

    private static String posts(int n) {
        return n + (n == 1 ? " post" : " posts");
    }
}
