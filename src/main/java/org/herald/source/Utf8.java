package org.herald.source;

/** Reads bytes as UTF-8 exactly as the JDK's decoder does when it reports malformed input. */
final class Utf8 {
    private Utf8() {
    }

    /** Whether bytes {@code from} to {@code to} are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF). */
    static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int length = sequenceAt(b, i, to);
            if (length < 0) return false;
            i += length;
        }
        return true;
    }

    /**
     * The length in bytes of the well-formed sequence starting at {@code i} (1 for ASCII, 2 to 4 for other
     * characters), or -1 when the bytes there, before {@code to}, are not one.
     */
    static int sequenceAt(byte[] b, int i, int to) {
        int c = b[i];
        if (c >= 0) return 1;
        c &= 0xFF;
        int more;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + more >= to) return -1;
        int cp = c & (0x3F >> more);
        for (int k = 1; k <= more; k++) {
            int cc = b[i + k];
            if ((cc & 0xC0) != 0x80) return -1;
            cp = cp << 6 | cc & 0x3F;
        }
        if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) return -1;
        return more + 1;
    }
}
