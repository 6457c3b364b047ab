package org.herald.condense;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a page in one pass without building a document tree, keeping only what condensing needs: meta
 * tags, canonical and base links, the title, JSON-LD blocks, {@code <h1>} headings and the first
 * paragraphs. A full HTML parse costs more than everything else Herald does with a page, and a headline
 * needs none of the tree.
 */
final class HtmlScanner {
    private static final int MAX_PARAGRAPHS = 16;
    private static final int MAX_HEADINGS = 6;
    private static final int MAX_CAPTURE = 20_000;

    private final String html;
    private final int n;
    private final PageFacts facts = new PageFacts();
    private int articleDepth;
    private int chromeDepth;
    private int svgDepth;
    private int captionDepth;

    private HtmlScanner(String html) {
        this.html = html;
        this.n = html.length();
    }

    static PageFacts scan(String html) {
        HtmlScanner scanner = new HtmlScanner(html);
        scanner.run();
        return scanner.facts;
    }

    private void run() {
        int i = 0;
        while (i < n && !facts.complete) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) return;
            char c = html.charAt(lt + 1);
            if (c == '!') {
                if (html.startsWith("<!--", lt)) {
                    int close = html.indexOf("-->", lt + 4);
                    i = close < 0 ? n : close + 3;
                } else {
                    int close = html.indexOf('>', lt + 2);
                    i = close < 0 ? n : close + 1;
                }
                continue;
            }
            if (c == '/') {
                int nameEnd = nameEnd(lt + 2);
                endTag(lt + 2, nameEnd);
                int close = html.indexOf('>', nameEnd);
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (!isAsciiLetter(c)) {
                i = lt + 1;
                continue;
            }
            int nameEnd = nameEnd(lt + 1);
            int end = tagEnd(html, nameEnd);
            i = startTag(lt + 1, nameEnd, end);
        }
    }

    /** Handles a start tag; returns where scanning continues. */
    private int startTag(int nameStart, int nameEnd, int end) {
        int next = end + 1;
        switch (nameEnd - nameStart) {
            case 1:
                if (is(nameStart, "p") && facts.paragraphs.size() < MAX_PARAGRAPHS && chromeDepth == 0) {
                    paragraph(next);
                }
                return next;
            case 2:
                if (is(nameStart, "h1") && facts.headings.size() < MAX_HEADINGS) heading(nameEnd, end, next);
                else if (is(nameStart, "h2") && facts.subheadings.size() < MAX_HEADINGS && captionDepth == 0) subheading(next);
                return next;
            case 3:
                if (is(nameStart, "svg")) svgDepth++;
                else if (is(nameStart, "nav")) chromeDepth++;
                return next;
            case 4:
                if (is(nameStart, "meta")) meta(nameEnd, end);
                else if (is(nameStart, "link")) link(nameEnd, end);
                else if (is(nameStart, "html")) langAndDir(nameEnd, end, true);
                else if (is(nameStart, "body")) langAndDir(nameEnd, end, false);
                else if (is(nameStart, "base") && facts.baseHref == null) {
                    facts.baseHref = attributes(nameEnd, end).get("href");
                } else if (is(nameStart, "main")) articleDepth++;
                return next;
            case 5:
                if (is(nameStart, "title")) return title(next);
                if (is(nameStart, "style")) return skipRawText(next, "style");
                if (is(nameStart, "aside")) chromeDepth++;
                return next;
            case 6:
                if (is(nameStart, "script")) return script(nameEnd, end, next);
                if (is(nameStart, "header") || is(nameStart, "footer")) chromeDepth++;
                else if (is(nameStart, "figure")) captionDepth++;
                return next;
            case 7:
                if (is(nameStart, "article")) articleDepth++;
                return next;
            case 8:
                if (is(nameStart, "textarea")) return skipRawText(next, "textarea");
                if (is(nameStart, "noscript")) return skipRawText(next, "noscript");
                return next;
            case 10:
                if (is(nameStart, "figcaption")) captionDepth++;
                return next;
            default:
                return next;
        }
    }

    private void endTag(int nameStart, int nameEnd) {
        switch (nameEnd - nameStart) {
            case 3:
                if (is(nameStart, "svg")) svgDepth = Math.max(0, svgDepth - 1);
                else if (is(nameStart, "nav")) chromeDepth = Math.max(0, chromeDepth - 1);
                break;
            case 4:
                if (is(nameStart, "main")) articleDepth = Math.max(0, articleDepth - 1);
                break;
            case 5:
                if (is(nameStart, "aside")) chromeDepth = Math.max(0, chromeDepth - 1);
                break;
            case 6:
                if (is(nameStart, "header") || is(nameStart, "footer")) chromeDepth = Math.max(0, chromeDepth - 1);
                else if (is(nameStart, "figure")) captionDepth = Math.max(0, captionDepth - 1);
                break;
            case 10:
                if (is(nameStart, "figcaption")) captionDepth = Math.max(0, captionDepth - 1);
                break;
            case 7:
                if (is(nameStart, "article")) articleDepth = Math.max(0, articleDepth - 1);
                break;
            default:
                break;
        }
    }

    private void meta(int nameEnd, int end) {
        Map<String, String> a = attributes(nameEnd, end);
        String content = a.get("content");
        if (content == null) return;
        String key = a.get("property");
        if (key == null) key = a.get("name");
        if (key == null) key = a.get("itemprop");
        if (key == null && a.containsKey("http-equiv")) key = "http-equiv:" + a.get("http-equiv");
        if (key == null) return;
        facts.meta.putIfAbsent(key.trim().toLowerCase(Locale.ROOT), content);
    }

    private void link(int nameEnd, int end) {
        Map<String, String> a = attributes(nameEnd, end);
        String rel = a.get("rel");
        if (rel == null || facts.canonical != null) return;
        for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("canonical")) {
                facts.canonical = a.get("href");
                return;
            }
        }
    }

    private void langAndDir(int nameEnd, int end, boolean root) {
        Map<String, String> a = attributes(nameEnd, end);
        String lang = a.containsKey("lang") ? a.get("lang") : a.get("xml:lang");
        if (lang != null && !lang.isBlank() && (root || facts.lang == null)) facts.lang = lang.trim();
        String dir = a.get("dir");
        if (dir != null && !dir.isBlank() && (root || facts.dir == null)) facts.dir = dir.trim().toLowerCase(Locale.ROOT);
    }

    private int title(int from) {
        int close = indexOfClose(html, from, "title");
        if (close < 0) return n;
        if (facts.title == null && svgDepth == 0) facts.title = html.substring(from, close);
        return tagEnd(html, close + 2) + 1;
    }

    private int script(int nameEnd, int end, int from) {
        int close = indexOfClose(html, from, "script");
        if (close < 0) return n;
        String type = attributes(nameEnd, end).get("type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("ld+json") && facts.jsonLd.size() < 16) {
            facts.jsonLd.add(html.substring(from, close));
        }
        return tagEnd(html, close + 2) + 1;
    }

    private int skipRawText(int from, String name) {
        int close = indexOfClose(html, from, name);
        return close < 0 ? n : tagEnd(html, close + 2) + 1;
    }

    private void heading(int nameEnd, int end, int from) {
        // a heading inside a figure is a photo's caption, never the story's headline
        if (captionDepth > 0) return;
        int close = indexOfClose(html, from, "h1");
        if (close < 0 || close - from > MAX_CAPTURE) return;
        Map<String, String> a = attributes(nameEnd, end);
        String classes = a.getOrDefault("class", "").toLowerCase(Locale.ROOT);
        // text only screen readers get: the site's name for them, not a headline readers see
        if (isHidden(classes)) return;
        String text = Text.clean(Text.stripTags(withoutKickers(html.substring(from, close))));
        if (text.isEmpty()) return;
        String marks = (a.getOrDefault("class", "") + " " + a.getOrDefault("itemprop", "") + " "
                + a.getOrDefault("data-qa", "") + " " + a.getOrDefault("id", "") + " "
                + a.getOrDefault("data-testid", "")).toLowerCase(Locale.ROOT);
        boolean hinted = marks.contains("headline") || marks.contains("title") || marks.contains("heading");
        // the site's own name set as a heading by the theme
        if (marks.contains("caption") || marks.contains("logo") || marks.contains("masthead") || marks.contains("site-title")
                || marks.contains("site-name") || marks.contains("sitename") || marks.contains("blog-title")) return;
        facts.headings.add(new PageFacts.Heading(text, articleDepth > 0, chromeDepth > 0, hinted));
        facts.complete = evidenceComplete(text);
    }

    /**
     * Whether the rest of the page can change nothing: the head has given the social title, a description that
     * is not the title and the canonical link (or og:url), and an {@code <h1>} outside the page's chrome repeats the
     * social title or its start.
     * Menus, related stories, footers and scripts after that point are most of a page's bytes.
     */
    private boolean evidenceComplete(String heading) {
        if (facts.title == null || facts.canonical == null && facts.meta.get("og:url") == null) return false;
        String og = facts.meta.get("og:title");
        if (og == null || og.isBlank()) return false;
        String h = Agreement.key(heading);
        String cleanOg = Text.clean(og);
        if (h.length() < 12 || !Agreement.key(cleanOg).startsWith(h)) return false;
        // "Story" in the h1 and "Story | Site" in og:title: the h1 settles how og:title is cut; the summary must
        // come from the head too, by the rules Condenser applies to it
        String description = null;
        for (String key : new String[]{"og:description", "twitter:description", "description"}) {
            description = facts.meta.get(key);
            if (description != null && !description.isBlank()) break;
        }
        if (description == null || description.isBlank()) return false;
        String summary = Summaries.withoutTrailingBoilerplate(Text.clean(description));
        return !summary.isEmpty() && !Boilerplate.isBoilerplate(summary) && !Agreement.same(summary, cleanOg);
    }

    private static final String[] HIDDEN = {"aural", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader",
            "offscreen", "element-invisible"};
    private static final String[] KICKERS = {"kicker", "category", "eyebrow", "overline", "topline", "dachzeile",
            "rubric", "label", "section-name", "tag"};

    private static boolean isHidden(String classes) {
        for (String c : HIDDEN) if (classes.contains(c)) return true;
        return false;
    }

    /**
     * A heading's markup without the kicker or category line set inside it ({@code <span class="kicker">}) and
     * without text hidden for screen readers: "Verbraucherschutz Mehr Transparenz …" is "Mehr Transparenz …".
     */
    static String withoutKickers(String markup) {
        if (markup.indexOf('<') < 0) return markup;
        StringBuilder out = null;
        int copied = 0;
        int i = markup.indexOf("<span");
        while (i >= 0) {
            int end = tagEnd(markup, i + 5);
            String tag = markup.substring(i, Math.min(end + 1, markup.length())).toLowerCase(Locale.ROOT);
            int classAt = tag.indexOf("class=");
            boolean drop = false;
            if (classAt >= 0) {
                String cls = tag.substring(classAt);
                for (String k : KICKERS) if (cls.contains(k)) drop = true;
                if (isHidden(cls)) drop = true;
            }
            if (!drop) {
                i = markup.indexOf("<span", end);
                continue;
            }
            int depth = 1;
            int j = end + 1;
            while (depth > 0) {
                int open = markup.indexOf("<span", j);
                int shut = markup.indexOf("</span", j);
                if (shut < 0) {
                    j = markup.length();
                    break;
                }
                if (open >= 0 && open < shut) {
                    depth++;
                    j = open + 5;
                } else {
                    depth--;
                    j = shut + 6;
                }
            }
            int after = markup.indexOf('>', Math.min(j, markup.length() - 1));
            after = after < 0 ? markup.length() : after + 1;
            if (out == null) out = new StringBuilder(markup.length());
            out.append(markup, copied, i).append(' ');
            copied = after;
            i = markup.indexOf("<span", after);
        }
        if (out == null) return markup;
        return out.append(markup, Math.min(copied, markup.length()), markup.length()).toString();
    }

    private void subheading(int from) {
        int close = indexOfClose(html, from, "h2");
        if (close < 0 || close - from > MAX_CAPTURE) return;
        String text = Text.clean(Text.stripTags(html.substring(from, close)));
        if (!text.isEmpty()) facts.subheadings.add(text);
    }

    /** Captures a paragraph up to its end tag or the start of the next block, whichever comes first. */
    private void paragraph(int from) {
        int i = from;
        int limit = Math.min(n, from + MAX_CAPTURE);
        int stop = limit;
        while (i < limit) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt >= limit) break;
            int at = lt + 1;
            boolean closing = at < n && html.charAt(at) == '/';
            if (closing) at++;
            int nameEnd = nameEnd(at);
            int len = nameEnd - at;
            if (len == 1 && is(at, "p") || len == 3 && (is(at, "div") || is(at, "nav"))
                    || !closing && len == 5 && (is(at, "table") || is(at, "aside") || is(at, "style"))
                    || !closing && len == 6 && (is(at, "script") || is(at, "figure"))
                    || len == 7 && is(at, "section") || closing && len == 7 && is(at, "article")
                    || len == 2 && (is(at, "ul") || is(at, "ol") || html.charAt(at) == 'h' && Character.isDigit(html.charAt(at + 1)))) {
                stop = lt;
                break;
            }
            i = lt + 1;
        }
        if (stop > from) facts.paragraphs.add(new PageFacts.Paragraph(html.substring(from, stop), articleDepth > 0));
    }

    /** Attributes of a start tag, names lower-cased, values with entities decoded. */
    private Map<String, String> attributes(int from, int end) {
        Map<String, String> out = new HashMap<>(8);
        int i = from;
        while (i < end) {
            char c = html.charAt(i);
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < end && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '=' && html.charAt(i) != '>'
                    && !(html.charAt(i) == '/' && i + 1 < end && html.charAt(i + 1) == '>')) {
                i++;
            }
            String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < end && Character.isWhitespace(html.charAt(i))) i++;
            String value = "";
            if (i < end && html.charAt(i) == '=') {
                i++;
                while (i < end && Character.isWhitespace(html.charAt(i))) i++;
                if (i < end && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                    char quote = html.charAt(i);
                    int close = html.indexOf(quote, i + 1);
                    if (close < 0 || close > end) close = end;
                    value = html.substring(i + 1, close);
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < end && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') i++;
                    value = html.substring(start, i);
                }
                if (value.indexOf('&') >= 0) value = Text.unescape(value, true);
            }
            if (!name.isEmpty()) out.putIfAbsent(name, value);
        }
        return out;
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>' || c == '/' || Character.isWhitespace(c)) break;
            i++;
        }
        return i;
    }

    private boolean is(int at, String lowerName) {
        int len = lowerName.length();
        if (at + len > n) return false;
        for (int k = 0; k < len; k++) {
            // ASCII tag names: folding with 0x20 is exact for letters, and digits only ever meet digits here
            if ((html.charAt(at + k) | 0x20) != lowerName.charAt(k)) return false;
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Index of the {@code >} closing a tag whose attributes start at {@code from}; quoted values may hold {@code >}. */
    static int tagEnd(String html, int from) {
        int n = html.length();
        char quote = 0;
        for (int i = from; i < n; i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                // a quote only opens a value right after '='; stray quotes in broken markup are ignored
                int k = i - 1;
                while (k > from && Character.isWhitespace(html.charAt(k))) k--;
                if (k >= from && html.charAt(k) == '=') quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return n - 1;
    }

    /** Index of {@code </name} (any case) at or after {@code from}, or -1. */
    static int indexOfClose(String html, int from, String name) {
        int i = from;
        int n = html.length();
        while (true) {
            int lt = html.indexOf("</", i);
            if (lt < 0) return -1;
            int at = lt + 2;
            if (html.regionMatches(true, at, name, 0, name.length())) {
                int after = at + name.length();
                if (after >= n || !Character.isLetterOrDigit(html.charAt(after))) return lt;
            }
            i = lt + 2;
            if (i >= n) return -1;
        }
    }
}
