package org.herald.condense;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a post is made of: the story's own headline, its canonical link (without tracking parameters),
 * a short summary, and the language and direction to show them in.
 */
public record Story(String source, String headline, Optional<URI> link, String summary, String lang,
                    Direction dir, Optional<URI> image, Optional<Instant> publishedAt, Optional<String> guid) {
    public Story {
        Objects.requireNonNull(source, "source");
        if (headline == null || headline.isBlank()) throw new IllegalArgumentException("no headline for " + source);
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(guid, "guid");
    }
}
