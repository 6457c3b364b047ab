package org.herald.config;

/** How articles are condensed into stories. */
public record CondenseSettings(int summaryMaxLength) {
    public CondenseSettings {
        if (summaryMaxLength < 20) throw new IllegalArgumentException("summary-max-length must be at least 20");
    }

    public static CondenseSettings defaults() {
        return new CondenseSettings(300);
    }
}
