package org.herald.source;

import java.util.Locale;
import java.util.Optional;

/** What an input holds, judged from its first characters (and the Content-Type when it came over HTTP). */
enum ContentKind {
    FEED, HTML, TEXT, BINARY;

    static ContentKind of(byte[] bytes, String text, Optional<String> contentType) {
        if (looksBinary(text)) return BINARY;
        int start = 0;
        int n = text.length();
        while (start < n && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) start++;
        String head = text.substring(start, Math.min(n, start + 2048)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml")) {
            if (head.contains("<html")) return HTML;
            return FEED;
        }
        if (head.startsWith("<rss") || head.startsWith("<feed") || head.startsWith("<rdf:rdf")) return FEED;
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<!--") && head.contains("<html")) {
            return HTML;
        }
        String type = contentType.orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("rss") || type.contains("atom")) return FEED;
        if (head.startsWith("<") && (head.contains("<html") || head.contains("<head") || head.contains("<body")
                || head.contains("<meta") || head.contains("<title") || type.contains("html"))) {
            return HTML;
        }
        return TEXT;
    }

    /**
     * NUL characters, or many control characters, never occur in text, HTML or feeds. Judged on the decoded
     * text, not the bytes: UTF-16 text has a zero in every other byte.
     */
    private static boolean looksBinary(String text) {
        int limit = Math.min(text.length(), 8192);
        int control = 0;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) control++;
        }
        return limit > 0 && control * 20 > limit;
    }
}
