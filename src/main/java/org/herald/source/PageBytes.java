package org.herald.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An HTML page as its bytes, read so that condensing can scan the markup without decoding the page: tags,
 * quotes and the names condensing looks for are ASCII, which sits at the same bytes in UTF-8 and every
 * ASCII-compatible charset, and only the pieces that are kept (the head's values, the headings, the first
 * paragraphs) are ever turned into text.
 *
 * <p>Most pages are UTF-8. Bytes the source stage could not place by themselves (no byte order mark, no
 * UTF-16 zero bytes) are taken for UTF-8 as long as every kept piece is valid UTF-8; a piece that is not
 * means the page is in another charset, and then {@link #decodedWhole()} reads the page whole by the rules of
 * {@code Decoding} (the declared charset, then windows-1252), as every page was read before.
 */
public final class PageBytes {
    private enum Trust {
        /** Encoded from text by Herald: valid UTF-8. */
        VALID,
        /** Declared UTF-8 by a byte order mark: malformed bytes read as U+FFFD, as a whole-page decode would. */
        LENIENT,
        /** Not known yet: UTF-8 if every kept piece is. */
        UNCHECKED
    }

    private final byte[] bytes;
    private final int start;
    private final Trust trust;
    private final Optional<String> contentType;

    private PageBytes(byte[] bytes, int start, Trust trust, Optional<String> contentType) {
        this.bytes = bytes;
        this.start = start;
        this.trust = trust;
        this.contentType = contentType;
    }

    /** A page that is already text (a test's page, or one decoded whole). */
    public static PageBytes of(String html) {
        return new PageBytes(html.getBytes(StandardCharsets.UTF_8), 0, Trust.VALID, Optional.empty());
    }

    /**
     * Bytes as they were read or fetched. A byte order mark or UTF-16's zero bytes settle the charset at once
     * (UTF-16 is decoded here, since its markup is not ASCII bytes); everything else is left for the kept
     * pieces to show.
     */
    static PageBytes read(byte[] bytes, Optional<String> contentType) {
        if (Decoding.startsWith(bytes, 0xEF, 0xBB, 0xBF)) return new PageBytes(bytes, 3, Trust.LENIENT, contentType);
        Optional<Charset> utf16 = Decoding.utf16(bytes);
        if (utf16.isPresent()) return of(Decoding.decode(bytes, contentType));
        return new PageBytes(bytes, 0, Trust.UNCHECKED, contentType);
    }

    /** The bytes; only the range {@link #start()} to {@link #end()} is the page. Callers must not change them. */
    public byte[] array() {
        return bytes;
    }

    public int start() {
        return start;
    }

    public int end() {
        return bytes.length;
    }

    /**
     * The text of bytes {@code from} to {@code to}, which must start and end at ASCII bytes (or the page's ends);
     * empty when they are not valid UTF-8 and the page has to be read whole ({@link #decodedWhole()}).
     */
    public Optional<String> text(int from, int to) {
        if (trust == Trust.UNCHECKED && !Utf8.isValid(bytes, from, to)) return Optional.empty();
        return Optional.of(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }

    /**
     * The page decoded whole by the source stage's charset rules, as valid UTF-8 bytes: itself when its charset
     * is already settled.
     */
    public PageBytes decodedWhole() {
        return trust == Trust.UNCHECKED ? of(Decoding.decode(bytes, contentType)) : this;
    }

    /** The whole page as text, decoded by the source stage's charset rules. */
    public String wholeText() {
        if (trust == Trust.UNCHECKED) return Decoding.decode(bytes, contentType);
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /**
     * The page's first {@code limit} bytes at most, one character per byte, for telling HTML from a feed or plain
     * text. The sniffing looks only at ASCII (markup, white space, control characters), which is the same in every
     * ASCII-compatible charset; a byte per character is a copy rather than a decode, and keeps the string compact.
     */
    String head(int limit) {
        return new String(bytes, start, Math.min(bytes.length - start, limit), StandardCharsets.ISO_8859_1);
    }

    boolean isWhole(int limit) {
        return bytes.length - start <= limit;
    }
}
