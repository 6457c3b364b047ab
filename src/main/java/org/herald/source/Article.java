package org.herald.source;

/** A news item as its source delivered it, before condensing. {@link #source()} names the input it came from. */
public sealed interface Article permits PlainText, WebPage, FeedEntry {
    String source();
}
