package org.herald.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
        // Some hosts inject a <script> (ads, counters) before the page's own <html>, longer than the first 2 KB;
        // plain text does not open with an element, so look further for the document's own tags.
        if (OPENING_ELEMENT.matcher(head).lookingAt()) {
            String further = text.substring(start, Math.min(n, start + 65536)).toLowerCase(Locale.ROOT);
            if (further.contains("<html") || further.contains("<head") || further.contains("<body")
                    || further.contains("<title")) {
                return HTML;
            }
        }
        return TEXT;
    }

    /** An element that only markup opens with: a script, a style sheet, a link or a block. */
    private static final Pattern OPENING_ELEMENT = Pattern.compile("<(?:script|style|link|noscript|div|iframe|base)[\\s>/]");

    /**
     * NUL characters, or many control characters, never occur in text, HTML or feeds. UTF-16, whose text has a
     * zero in every other byte, is decoded before it gets here.
     */
    private static boolean looksBinary(String text) {
        int limit = Math.min(text.length(), 8192);
        // As bytes, a loop the quick compiler makes tight; only characters below U+0020 count, and a character
        // outside Latin-1 becomes '?', which does not.
        byte[] head = text.substring(0, limit).getBytes(StandardCharsets.ISO_8859_1);
        int control = 0;
        for (byte b : head) {
            if (b == 0) return true;
            if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) control++;
        }
        return limit > 0 && control * 20 > limit;
    }
}
