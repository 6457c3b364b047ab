package org.herald.source;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of an RSS or Atom feed. {@code title} and {@code description} are as the feed wrote them
 * (they may hold markup and entities); {@code feedTitle} and {@code feedLink} describe the feed itself.
 */
public record FeedEntry(String source, String title, Optional<URI> link, String description,
                        Optional<Instant> publishedAt, Optional<String> guid, Optional<String> language,
                        String feedTitle, Optional<URI> feedLink) implements Article {
    public FeedEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(feedTitle, "feedTitle");
    }
}
