package org.herald.condense;

import org.jsoup.nodes.Entities;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleans text taken from markup: entities decoded, invisible characters dropped, white space collapsed. */
final class Text {
    private static final Pattern ESCAPED_QUOTE = Pattern.compile("\\\\+(['\"‘’“”])");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    private Text() {
    }

    /** Whether the text still holds an HTML entity ("&amp;", "&#8217;"). */
    static boolean hasEntity(String s) {
        return s.indexOf('&') >= 0 && ENTITY.matcher(s).find();
    }

    /** Decodes entities (twice when a feed or CMS encoded them twice) and normalises white space. */
    static String clean(String raw) {
        String s = raw;
        if (s.indexOf('&') >= 0) {
            s = unescape(s, false);
            if (hasEntity(s)) s = unescape(s, false);
        }
        // a quote escaped for a script or SQL string and printed as it was ("World\'s Oldest Tumor")
        if (s.indexOf('\\') >= 0) s = ESCAPED_QUOTE.matcher(s).replaceAll("$1");
        return normalizeSpace(s);
    }

    /**
     * Collapses every kind of white space to one space and drops characters that are invisible or that X
     * refuses (BOM, noncharacters, bidi embedding controls, soft hyphens), keeping ZWJ and ZWNJ, which
     * join emoji and shape Persian and Indic words.
     */
    static String normalizeSpace(String s) {
        if (isPlain(s)) return s;
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isDropped(cp)) continue;
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        String result = out.toString();
        // below U+0300 (where combining marks begin) every string is already in NFC
        boolean plain = true;
        for (int i = 0; i < result.length() && plain; i++) plain = result.charAt(i) < 0x300;
        if (plain) return result;
        return Normalizer.isNormalized(result, Normalizer.Form.NFC) ? result : Normalizer.normalize(result, Normalizer.Form.NFC);
    }

    /**
     * Printable ASCII with single spaces between words and none at the ends: what most titles and values are,
     * and what {@link #normalizeSpace} leaves as it is.
     */
    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return false;
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == ' ' && previous == ' ') return false;
            previous = c;
        }
        return true;
    }

    private static boolean isDropped(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;
        if (cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x200E || cp == 0x200F) return true;
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
        if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) return true;
        int type = Character.getType(cp);
        // a lone surrogate is what is left of a pair cut in half upstream; it would make the post invalid
        return type == Character.SURROGATE;
    }

    /** What HTML makes of the C1 controls written as numeric references: the windows-1252 characters at those places. */
    private static final String C1 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /**
     * Decodes character references as HTML does: numeric ones (C1 controls read as windows-1252, invalid code
     * points as U+FFFD) and named ones; a legacy name without its semicolon only where HTML allows it (in an
     * attribute, not when a letter, digit or '=' follows). Named entities come from jsoup's table; building a
     * jsoup parser for each string cost more than the rest of condensing.
     */
    static String unescape(String s, boolean inAttribute) {
        int amp = s.indexOf('&');
        if (amp < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        int n = s.length();
        while (amp >= 0) {
            int i = amp + 1;
            int end = -1;
            String replacement = null;
            if (i < n && s.charAt(i) == '#') {
                i++;
                boolean hex = i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
                if (hex) i++;
                int start = i;
                long cp = 0;
                while (i < n && i - start < 8 && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0) {
                    cp = cp * (hex ? 16 : 10) + Character.digit(s.charAt(i), hex ? 16 : 10);
                    i++;
                }
                if (i > start) {
                    end = i < n && s.charAt(i) == ';' ? i + 1 : i;
                    replacement = codePoint(cp);
                }
            } else {
                int start = i;
                while (i < n && i - start < 32 && isAsciiLetterOrDigit(s.charAt(i))) i++;
                if (i > start) {
                    String name = s.substring(start, i);
                    if (i < n && s.charAt(i) == ';') {
                        String value = Entities.getByName(name);
                        if (!value.isEmpty()) {
                            replacement = value;
                            end = i + 1;
                        }
                    }
                    if (replacement == null) {
                        // "&copy2026" or "&ampx": the longest legacy name that starts the run
                        for (int len = name.length(); len >= 2 && replacement == null; len--) {
                            String prefix = name.substring(0, len);
                            if (!Entities.isBaseNamedEntity(prefix)) continue;
                            int after = start + len;
                            char next = after < n ? s.charAt(after) : ' ';
                            if (inAttribute && (isAsciiLetterOrDigit(next) || next == '=')) break;
                            replacement = Entities.getByName(prefix);
                            end = after;
                        }
                    }
                }
            }
            if (replacement != null && end > amp) {
                out.append(s, copied, amp).append(replacement);
                copied = end;
                amp = s.indexOf('&', end);
            } else {
                amp = s.indexOf('&', amp + 1);
            }
        }
        return copied == 0 ? s : out.append(s, copied, n).toString();
    }

    private static String codePoint(long cp) {
        if (cp >= 0x80 && cp <= 0x9F) return String.valueOf(C1.charAt((int) cp - 0x80));
        if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) return "\uFFFD";
        return new String(Character.toChars((int) cp));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Strips tags from an HTML fragment; block-level tags and line breaks become spaces. */
    static String stripTags(String html) {
        if (html.indexOf('<') < 0) return html;
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < n && (Character.isLetter(html.charAt(i + 1)) || html.charAt(i + 1) == '/'
                    || html.charAt(i + 1) == '!')) {
                int end = HtmlScanner.tagEnd(html, i + 1);
                if (html.startsWith("<!--", i)) {
                    int close = html.indexOf("-->", i + 4);
                    end = close < 0 ? n : close + 2;
                } else if (regionIs(html, i + 1, "script") || regionIs(html, i + 1, "style")) {
                    String name = regionIs(html, i + 1, "script") ? "script" : "style";
                    int close = HtmlScanner.indexOfClose(html, end + 1, name);
                    end = close < 0 ? n - 1 : HtmlScanner.tagEnd(html, close + 2);
                }
                if (isSpacingTag(html, i + 1)) out.append(' ');
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean regionIs(String html, int at, String name) {
        return html.regionMatches(true, at, name, 0, name.length())
                && (at + name.length() >= html.length() || !Character.isLetterOrDigit(html.charAt(at + name.length())));
    }

    private static final String[] SPACING_TAGS = {"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "tr",
            "section", "article", "header", "footer", "blockquote", "figcaption", "hr", "dd", "dt"};

    private static boolean isSpacingTag(String html, int at) {
        int start = html.charAt(at) == '/' ? at + 1 : at;
        if (start >= html.length()) return false;
        char first = html.charAt(start);
        for (String tag : SPACING_TAGS) {
            // an ASCII first letter that differs rules a tag out without the case-blind comparison (which also
            // folds a few non-ASCII letters, so those still get it)
            if (first < 0x80 && (first | 0x20) != tag.charAt(0)) continue;
            if (regionIs(html, start, tag)) return true;
        }
        return false;
    }

    /** Number of Unicode code points, which is what people mean by "characters" in a summary limit. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
