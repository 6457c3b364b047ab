package org.herald.condense;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a post is made of: the story's own headline, its canonical link (without tracking parameters),
 * a short summary, the language and direction to show them in, and how sure condensing is of the headline
 * ({@code confidence}, with a one-line {@code confidenceReason}).
 */
public record Story(String source, String headline, Optional<URI> link, String summary, String lang,
                    Direction dir, Optional<URI> image, Optional<Instant> publishedAt, Optional<String> guid,
                    Confidence confidence, String confidenceReason) {
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
        Objects.requireNonNull(confidence, "confidence");
        if (confidenceReason == null || confidenceReason.isBlank() || confidenceReason.contains("\n")) {
            throw new IllegalArgumentException("confidenceReason must be one line for " + source);
        }
    }

    /** A story whose headline was given directly (by a person or a test), not read from a page: rated high. */
    public Story(String source, String headline, Optional<URI> link, String summary, String lang,
                 Direction dir, Optional<URI> image, Optional<Instant> publishedAt, Optional<String> guid) {
        this(source, headline, link, summary, lang, dir, image, publishedAt, guid, Confidence.HIGH, "headline given directly");
    }
}
