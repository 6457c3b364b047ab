package org.herald.condense;

import java.util.Locale;

/**
 * How sure Herald is that a story's headline is the publisher's own: {@code high} when independent pieces of
 * the page agree on it, {@code medium} when they differ in wording or only one speaks, {@code low} when they
 * contradict each other or the headline had to come from somewhere a headline rarely sits.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level an {@link #id()} names. */
    public static Confidence of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
