package org.herald.source;

import java.util.List;
import java.util.Optional;

/** The outcome of polling a feed: its entries (with validators for the next poll), no change, or why not. */
public sealed interface FeedRead {
    record Entries(List<FeedEntry> entries, Optional<String> etag, Optional<String> lastModified) implements FeedRead {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    record Unchanged() implements FeedRead {
    }

    record Failure(String reason) implements FeedRead {
    }

    /** Herald began to stop while the feed was being read; nothing is known about the feed. */
    record Stopped() implements FeedRead {
    }
}
