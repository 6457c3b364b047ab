package org.herald.source;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** An HTML page, decoded; {@code url} is where it was fetched from (empty for a local file). */
public record WebPage(String source, Optional<URI> url, String html) implements Article {
    public WebPage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(html, "html");
    }
}
