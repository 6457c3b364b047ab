package org.herald.outbox;

import org.herald.condense.Confidence;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbox row: the exact post for one channel, its state, whether it was queued for a dry-run channel, and
 * how sure condensing was of the story's headline (empty on rows written before confidence was recorded), and
 * which node (or command) claimed it last.
 */
public record OutboxEntry(long id, long storyId, String channel, String network, String text, Optional<URI> link,
                          OutboxState state, Instant due, Instant nextAttempt, int attempts, Optional<String> lastError,
                          Optional<String> remoteId, Optional<URI> remoteUrl, Instant createdAt, Instant updatedAt,
                          Optional<Instant> sentAt, boolean dryRun, Optional<Confidence> confidence, Optional<String> confidenceReason,
                          Optional<String> claimedBy) {
    public OutboxEntry {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
    }
}
