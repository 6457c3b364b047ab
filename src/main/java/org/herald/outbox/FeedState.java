package org.herald.outbox;

import java.time.Instant;
import java.util.Optional;

/** What the last polls of a feed left: validators for the next conditional GET, and its health. */
public record FeedState(String feed, String url, Optional<String> etag, Optional<String> lastModified,
                        Optional<Instant> firstPolledAt, Optional<Instant> lastSuccessAt, Optional<Instant> lastErrorAt,
                        Optional<String> lastError, boolean healthy) {
}
