package org.herald.source;

import java.util.List;
import java.util.Objects;

/** A plain-text story: its first non-blank line is the headline, the other lines its body, in order. */
public record PlainText(String source, String headline, List<String> body) implements Article {
    public PlainText {
        Objects.requireNonNull(source, "source");
        if (headline.isBlank()) throw new IllegalArgumentException("no headline in " + source);
        body = List.copyOf(body);
    }
}
