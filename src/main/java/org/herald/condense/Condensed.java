package org.herald.condense;

/** The result of condensing one article: a story, or one line saying why the article cannot make one. */
public sealed interface Condensed {
    record Ok(Story story) implements Condensed {
    }

    record Unusable(String source, String reason) implements Condensed {
    }
}
