package org.herald.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns bytes into text. Declared charsets are often wrong, while bytes that form valid UTF-8 are almost
 * never anything else, so a byte order mark wins, then the zero-byte pattern of UTF-16 (markup and Latin
 * text in UTF-16 have a zero in every other byte; a UTF-16 XML declaration starts {@code 3C 00 3F 00} or
 * {@code 00 3C 00 3F}), then clean UTF-8, then the declared charset (HTTP header, then {@code <meta>} or the
 * XML declaration), then windows-1252.
 */
final class Decoding {
    private static final Pattern DECLARED = Pattern.compile(
            "(?i)(?:charset\\s*=\\s*[\"']?|<\\?xml[^>]*encoding\\s*=\\s*[\"'])([A-Za-z0-9._:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoding() {
    }

    static String decode(byte[] bytes, Optional<String> contentType) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        if (startsWith(bytes, 0xFE, 0xFF)) return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        if (startsWith(bytes, 0xFF, 0xFE)) return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        Optional<Charset> utf16 = utf16ByZeroBytes(bytes);
        if (utf16.isPresent()) return new String(bytes, utf16.get());
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // fall through to the declared charset
        }
        Utf8Check check = Utf8Check.of(bytes);
        Optional<Charset> declared = contentType.flatMap(Decoding::declaredIn).or(() -> declaredIn(head(bytes)));
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            return new String(bytes, declared.get());
        }
        // Mostly-valid UTF-8 with a few stray bytes is still UTF-8; reading it as windows-1252 would garble
        // every non-ASCII character to save a handful.
        if (check.multiByte() >= 10L * check.invalid()) return new String(bytes, StandardCharsets.UTF_8);
        return new String(bytes, WINDOWS_1252);
    }

    /** UTF-16 by a byte order mark or by its zero bytes: the one case where markup is not ASCII bytes. */
    static Optional<Charset> utf16(byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF)) return Optional.of(StandardCharsets.UTF_16BE);
        if (startsWith(bytes, 0xFF, 0xFE)) return Optional.of(StandardCharsets.UTF_16LE);
        return utf16ByZeroBytes(bytes);
    }

    /**
     * UTF-16 without a byte order mark: at least 30 % of the code units have a zero high byte, at the odd
     * (little-endian) or even (big-endian) offsets, and hardly any have a zero low byte. Text in a single-byte
     * or UTF-8 encoding has no zero bytes at all.
     */
    private static Optional<Charset> utf16ByZeroBytes(byte[] bytes) {
        int n = Math.min(bytes.length, 4096) & ~1;
        int units = n / 2;
        if (units < 2) return Optional.empty();
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < n; i += 2) {
            if (bytes[i] == 0) zeroEven++;
            if (bytes[i + 1] == 0) zeroOdd++;
        }
        if (zeroOdd * 10 >= units * 3 && zeroEven * 20 <= units) return Optional.of(StandardCharsets.UTF_16LE);
        if (zeroEven * 10 >= units * 3 && zeroOdd * 20 <= units) return Optional.of(StandardCharsets.UTF_16BE);
        return Optional.empty();
    }

    private static String head(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    }

    private static Optional<Charset> declaredIn(String text) {
        Matcher m = DECLARED.matcher(text);
        if (!m.find()) return Optional.empty();
        return charset(m.group(1));
    }

    /** Maps a label the way browsers do: the legacy labels name the wider charsets pages really use. */
    static Optional<Charset> charset(String label) {
        String name = switch (label.toLowerCase(Locale.ROOT)) {
            case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1" -> "windows-1252";
            case "gb2312", "gbk", "x-gbk" -> "GB18030";
            case "shift_jis", "shift-jis", "sjis", "x-sjis" -> "windows-31j";
            case "euc-kr", "ks_c_5601-1987" -> "x-windows-949";
            case "tis-620", "iso-8859-11" -> "x-windows-874";
            case "iso-8859-9" -> "windows-1254";
            case "utf8" -> "UTF-8";
            default -> label;
        };
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    /** Counts well-formed multi-byte UTF-8 sequences and malformed bytes. */
    record Utf8Check(long multiByte, long invalid) {
        static Utf8Check of(byte[] b) {
            long multi = 0;
            long bad = 0;
            int i = 0;
            while (i < b.length) {
                int length = Utf8.sequenceAt(b, i, b.length);
                if (length < 0) {
                    bad++;
                    i++;
                } else {
                    if (length > 1) multi++;
                    i += length;
                }
            }
            return new Utf8Check(multi, bad);
        }
    }
}
