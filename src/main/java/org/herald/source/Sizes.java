package org.herald.source;

/** Byte counts for people. */
final class Sizes {
    private Sizes() {
    }

    static String describe(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) return bytes / (1024L * 1024) + " MiB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KiB";
        return bytes + " bytes";
    }
}
