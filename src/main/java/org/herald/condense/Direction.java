package org.herald.condense;

/** Reading direction of a story, so right-to-left headlines are shown and counted as they are read. */
public enum Direction {
    LTR, RTL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
