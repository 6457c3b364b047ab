package org.herald.condense;

import org.jsoup.parser.Parser;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleans text taken from markup: entities decoded, invisible characters dropped, white space collapsed. */
final class Text {
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    private Text() {
    }

    /** Decodes entities (twice when a feed or CMS encoded them twice) and normalises white space. */
    static String clean(String raw) {
        String s = raw;
        if (s.indexOf('&') >= 0) {
            s = Parser.unescapeEntities(s, false);
            if (s.indexOf('&') >= 0 && ENTITY.matcher(s).find()) s = Parser.unescapeEntities(s, false);
        }
        return normalizeSpace(s);
    }

    /**
     * Collapses every kind of white space to one space and drops characters that are invisible or that X
     * refuses (BOM, noncharacters, bidi embedding controls, soft hyphens), keeping ZWJ and ZWNJ, which
     * join emoji and shape Persian and Indic words.
     */
    static String normalizeSpace(String s) {
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
        return Normalizer.isNormalized(result, Normalizer.Form.NFC) ? result : Normalizer.normalize(result, Normalizer.Form.NFC);
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
        for (String tag : SPACING_TAGS) {
            if (regionIs(html, start, tag)) return true;
        }
        return false;
    }

    /** Number of Unicode code points, which is what people mean by "characters" in a summary limit. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
