package org.herald.source;

import java.util.List;

/** What reading one input gave: its articles, or one line saying why there are none. */
public sealed interface SourceResult {
    String source();

    record Articles(String source, List<Article> articles) implements SourceResult {
        public Articles {
            articles = List.copyOf(articles);
        }
    }

    record Failure(String source, String reason) implements SourceResult {
    }
}
