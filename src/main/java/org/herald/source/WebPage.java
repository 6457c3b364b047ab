package org.herald.source;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTML page; {@code url} is where it was fetched from (empty for a local file). The page stays bytes
 * ({@link PageBytes}): condensing decodes only the pieces it keeps.
 */
public record WebPage(String source, Optional<URI> url, PageBytes markup) implements Article {
    public WebPage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(markup, "markup");
    }

    /** A page that is already text. */
    public WebPage(String source, Optional<URI> url, String html) {
        this(source, url, PageBytes.of(Objects.requireNonNull(html, "html")));
    }

    /** The whole page as text, decoded by the source stage's charset rules. */
    public String html() {
        return markup.wholeText();
    }
}
