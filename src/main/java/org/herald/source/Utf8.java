package org.herald.source;

/** Checks bytes against UTF-8 exactly as the JDK's decoder does when it reports malformed input. */
final class Utf8 {
    private Utf8() {
    }

    /** Whether bytes {@code from} to {@code to} are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF). */
    static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= to || !continuation(b[i + 1])) return false;
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])) return false;
                int cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
                if (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF) return false;
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) return false;
                int cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
                if (cp < 0x10000 || cp > 0x10FFFF) return false;
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
