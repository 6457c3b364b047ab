package org.herald.condense;

import org.herald.source.PageBytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page in one pass without building a document tree, keeping only what condensing needs: meta
 * tags, canonical and base links, the title, JSON-LD blocks, {@code <h1>} headings and the first
 * paragraphs. A full HTML parse costs more than everything else Herald does with a page, and a headline
 * needs none of the tree.
 *
 * <p>It reads the page's bytes, not its text: the markup it looks for is ASCII, and only the pieces it keeps
 * are decoded (and checked as UTF-8; a piece that is not makes it read the page decoded whole, see
 * {@link PageBytes}). Lengths in the limits below count characters, as they would in the decoded text.
 */
final class HtmlScanner {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_PARAGRAPHS = 16;
    private static final int MAX_HEADINGS = 6;
    private static final int MAX_CAPTURE = 20_000;
    private static final int MAX_ATTRIBUTES = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final PageBytes page;
    private final byte[] b;
    private final int n;
    private final PageFacts facts = new PageFacts();
    private int articleDepth;
    private int chromeDepth;
    /**
     * The open {@code <header>}s, one bit each, innermost lowest: set for one that began inside an article (the
     * story's own header, holding its headline and standfirst), clear for the page's (logo, menus), which is chrome.
     */
    private long headerKinds;
    private int headerDepth;
    private int svgDepth;
    private int captionDepth;
    /** Set when a kept piece was not UTF-8: the page is in another charset and is read again, decoded. */
    private boolean notUtf8;
    // the attributes of the start tag last parsed: name and value byte ranges, a value of -1 meaning no '='
    private final int[] nameFrom = new int[MAX_ATTRIBUTES];
    private final int[] nameTo = new int[MAX_ATTRIBUTES];
    private final int[] valueFrom = new int[MAX_ATTRIBUTES];
    private final int[] valueTo = new int[MAX_ATTRIBUTES];
    private int attributeCount;

    private HtmlScanner(PageBytes page) {
        this.page = page;
        this.b = page.array();
        this.n = page.end();
    }

    static PageFacts scan(String html) {
        return scan(PageBytes.of(html));
    }

    static PageFacts scan(PageBytes page) {
        HtmlScanner scanner = new HtmlScanner(page);
        scanner.run();
        if (!scanner.notUtf8) return scanner.facts;
        HtmlScanner decoded = new HtmlScanner(page.decodedWhole());
        decoded.run();
        return decoded.facts;
    }

    private void run() {
        int i = page.start();
        while (i < n && !facts.complete && !notUtf8) {
            int lt = indexOf((byte) '<', i);
            if (lt < 0 || lt + 1 >= n) return;
            byte c = b[lt + 1];
            if (c == '!') {
                if (startsWith(lt, "<!--")) {
                    int close = indexOf(lt + 4, "-->");
                    i = close < 0 ? n : close + 3;
                } else {
                    int close = indexOf((byte) '>', lt + 2);
                    i = close < 0 ? n : close + 1;
                }
                continue;
            }
            if (c == '/') {
                int nameEnd = nameEnd(lt + 2);
                endTag(lt + 2, nameEnd);
                int close = indexOf((byte) '>', nameEnd);
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (!isAsciiLetter(c)) {
                i = lt + 1;
                continue;
            }
            int nameEnd = nameEnd(lt + 1);
            int end = tagEnd(nameEnd);
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
                else if (is(nameStart, "h2") && facts.subheadings.size() < MAX_HEADINGS && captionDepth == 0) subheading(next, "h2");
                // Blogger-style themes set the post's title as <h3 class="post-title">: only such marked h3s are kept
                else if (is(nameStart, "h3") && facts.subheadings.size() < MAX_HEADINGS && captionDepth == 0
                        && markedAsTitle(nameEnd, end)) subheading(next, "h3");
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
                    attributes(nameEnd, end);
                    facts.baseHref = attribute("href");
                } else if (is(nameStart, "main")) articleDepth++;
                return next;
            case 5:
                if (is(nameStart, "title")) return title(next);
                if (is(nameStart, "style")) return skipRawText(next, "style");
                if (is(nameStart, "aside")) chromeDepth++;
                return next;
            case 6:
                if (is(nameStart, "script")) return script(nameEnd, end, next);
                if (is(nameStart, "header")) openHeader();
                else if (is(nameStart, "footer")) chromeDepth++;
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
                if (is(nameStart, "header")) closeHeader();
                else if (is(nameStart, "footer")) chromeDepth = Math.max(0, chromeDepth - 1);
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
        attributes(nameEnd, end);
        String content = attribute("content");
        if (content == null) return;
        String key = attribute("property");
        if (key == null) key = attribute("name");
        if (key == null) key = attribute("itemprop");
        if (key == null && hasAttribute("http-equiv")) key = "http-equiv:" + attribute("http-equiv");
        if (key == null) return;
        facts.meta.putIfAbsent(key.trim().toLowerCase(Locale.ROOT), content);
    }

    private void link(int nameEnd, int end) {
        if (facts.canonical != null) return;
        attributes(nameEnd, end);
        String rel = attribute("rel");
        if (rel == null) return;
        for (String token : SPACES.split(rel.toLowerCase(Locale.ROOT))) {
            if (token.equals("canonical")) {
                facts.canonical = attribute("href");
                return;
            }
        }
    }

    private void langAndDir(int nameEnd, int end, boolean root) {
        attributes(nameEnd, end);
        String lang = hasAttribute("lang") ? attribute("lang") : attribute("xml:lang");
        if (lang != null && !lang.isBlank() && (root || facts.lang == null)) facts.lang = lang.trim();
        String dir = attribute("dir");
        if (dir != null && !dir.isBlank() && (root || facts.dir == null)) facts.dir = dir.trim().toLowerCase(Locale.ROOT);
    }

    private int title(int from) {
        int close = indexOfClose(from, "title");
        if (close < 0) return n;
        if (facts.title == null && svgDepth == 0) facts.title = text(from, close);
        return tagEnd(close + 2) + 1;
    }

    private int script(int nameEnd, int end, int from) {
        int close = indexOfClose(from, "script");
        if (close < 0) return n;
        if (facts.jsonLd.size() < 16) {
            attributes(nameEnd, end);
            String type = attribute("type");
            if (type != null && type.toLowerCase(Locale.ROOT).contains("ld+json")) {
                String block = text(from, close);
                if (block != null) facts.jsonLd.add(block);
            }
        }
        return tagEnd(close + 2) + 1;
    }

    private int skipRawText(int from, String name) {
        int close = indexOfClose(from, name);
        return close < 0 ? n : tagEnd(close + 2) + 1;
    }

    private void heading(int nameEnd, int end, int from) {
        // a heading inside a figure is a photo's caption, never the story's headline
        if (captionDepth > 0) return;
        int close = indexOfClose(from, "h1");
        if (close < 0 || longerThanCapture(from, close)) return;
        attributes(nameEnd, end);
        String cls = orEmpty(attribute("class"));
        String classes = cls.toLowerCase(Locale.ROOT);
        // text only screen readers get: the site's name for them, not a headline readers see
        if (isHidden(classes)) return;
        String markup = text(from, close);
        if (markup == null) return;
        String kept = withoutCategoryLinks(withoutDates(withoutKickers(markup)), facts.title);
        String text = Text.clean(Text.stripTags(kept));
        if (text.isEmpty()) return;
        // a heading that is nothing but a link to the site's front page is the site's name
        if (markup.indexOf("href") >= 0 && LINK_HOME.matcher(markup).matches()) {
            if (facts.homeLinkHeadings.size() < MAX_HEADINGS) facts.homeLinkHeadings.add(text);
            return;
        }
        String marks = (cls + " " + orEmpty(attribute("itemprop")) + " " + orEmpty(attribute("data-qa")) + " "
                + orEmpty(attribute("id")) + " " + orEmpty(attribute("data-testid"))).toLowerCase(Locale.ROOT);
        if (notUtf8) return;
        boolean hinted = marks.contains("headline") || marks.contains("title") || marks.contains("heading");
        // the site's own name set as a heading by the theme
        if (marks.contains("caption") || marks.contains("logo") || marks.contains("masthead") || marks.contains("site-title")
                || marks.contains("site-name") || marks.contains("sitename") || marks.contains("blog-title")) return;
        facts.headings.add(new PageFacts.Heading(text, articleDepth > 0, chromeDepth > 0, hinted, linkTarget(kept), isTeaser(cls)));
        facts.complete = evidenceComplete(text);
    }

    private void openHeader() {
        boolean articles = articleDepth > 0 && chromeDepth == 0 && headerDepth < Long.SIZE;
        headerKinds = headerKinds << 1 | (articles ? 1 : 0);
        headerDepth++;
        if (!articles) chromeDepth++;
    }

    private void closeHeader() {
        if (headerDepth == 0) {
            chromeDepth = Math.max(0, chromeDepth - 1);
            return;
        }
        // past 64 levels the bits are gone; such a header is counted as the page's
        boolean articles = headerDepth <= Long.SIZE && (headerKinds & 1) == 1;
        headerKinds >>>= 1;
        headerDepth--;
        if (!articles) chromeDepth = Math.max(0, chromeDepth - 1);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
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

    /** The path words of a site's topic, category, tag and section pages: a link to one in a heading is a label. */
    private static final String[] LABEL_PATHS = {"topic", "topics", "category", "categories", "tag", "tags", "section",
            "sections", "kategorie", "rubrique", "ressort"};
    private static final String[] LABEL_SEGMENTS = java.util.Arrays.stream(LABEL_PATHS).map(w -> "/" + w + "/").toArray(String[]::new);
    private static final Pattern CATEGORY_LINK = Pattern.compile("<a\\s[^>]*?\\bhref\\s*=\\s*[\"']?[^\"'\\s>]*/"
            + "(?:" + String.join("|", LABEL_PATHS) + ")/[^>]*>[^<]{1,40}</a\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLASS_WORDS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*?\\bhref\\s*=\\s*([\"']?)([^\"'\\s>]*)\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME_ELEMENT = Pattern.compile("<time\\b[^>]*>.*?</time\\s*>", Pattern.DOTALL);
    private static final Pattern LINK_HOME = Pattern.compile(
            "\\s*<a\\s[^>]*?\\bhref\\s*=\\s*([\"']?)(?:(?:https?:)?//[^/\"'\\s>]+/?|/)\\1(?:\\s[^>]*)?>[^<]*</a>\\s*",
            Pattern.CASE_INSENSITIVE);
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

    /**
     * A link to a topic, category, tag or section page at either end of a heading, whose words the page's
     * {@code <title>} leaves out, is the story's label set in the h1 by the theme: "Any.DO announces Cal … (video)
     * <a href="/topics/mobile/">Mobile</a>" is "Any.DO announces Cal …". A topic link that starts the headline's
     * own words ("<a href="/topics/coronavirus/">Coronavirus</a> cases double"), which the title then says too, stays.
     */
    static String withoutCategoryLinks(String markup, String title) {
        if (title == null || markup.indexOf("<a") < 0 || !mayLinkToALabel(markup)) return markup;
        Matcher m = CATEGORY_LINK.matcher(markup);
        while (m.find()) {
            String before = Text.stripTags(markup.substring(0, m.start())).replace("&nbsp;", " ").strip();
            String after = Text.stripTags(markup.substring(m.end())).replace("&nbsp;", " ").strip();
            // only at an edge: a heading that is only the link is the link's own story, one in the middle is a word
            if (before.isEmpty() == after.isEmpty()) continue;
            String label = Agreement.key(Text.clean(Text.stripTags(m.group())));
            if (label.isEmpty() || Agreement.key(Text.clean(title)).contains(label)) continue;
            return markup.substring(0, m.start()) + " " + markup.substring(m.end());
        }
        return markup;
    }

    /** The cheap test before the pattern: one of {@link #LABEL_PATHS} between slashes somewhere in the markup. */
    private static boolean mayLinkToALabel(String markup) {
        String m = markup.toLowerCase(Locale.ROOT);
        for (String segment : LABEL_SEGMENTS) if (m.contains(segment)) return true;
        return false;
    }

    /** A class naming another story's teaser ("teaser-title", "related-post"), word by word ("unrelated" is not). */
    private static boolean isTeaser(String classes) {
        String c = classes.toLowerCase(Locale.ROOT);
        // split into words only a class that holds one of them somewhere
        if (!c.contains("teaser") && !c.contains("related") && !c.contains("promo")) return false;
        for (String word : CLASS_WORDS.split(c)) {
            if (word.equals("teaser") || word.equals("related") || word.equals("promo")) return true;
        }
        return false;
    }

    /** Where a heading that is nothing but one link points, or null: "<a href="/2020/01/other">Other story</a>". */
    static String linkTarget(String markup) {
        String m = markup.strip();
        if (!m.startsWith("<a") || !m.endsWith("</a>") || m.indexOf("<a", 2) >= 0) return null;
        Matcher href = HREF.matcher(m);
        if (!href.lookingAt()) return null;
        String target = href.group(2);
        return target.isEmpty() ? null : target;
    }

    /** A {@code <time>} inside a heading is when the story ran ("Issue 162 <time>March 1st 2018</time>"), not its headline. */
    static String withoutDates(String markup) {
        if (markup.indexOf("<time") < 0) return markup;
        return TIME_ELEMENT.matcher(markup).replaceAll(" ");
    }

    /** An {@code <h3>} marked as a post's own title ("post-title", "entry-title", itemprop "headline"). */
    private boolean markedAsTitle(int nameEnd, int end) {
        // most h3s are teasers and widget titles with no such mark: look at the tag's bytes before parsing it
        boolean hinted = false;
        for (int i = nameEnd; i + 5 <= end && !hinted; i++) {
            hinted = (b[i] | 0x20) == 't' && is(i, "title") || (b[i] | 0x20) == 'h' && is(i, "headline");
        }
        if (!hinted) return false;
        attributes(nameEnd, end);
        String marks = (orEmpty(attribute("class")) + " " + orEmpty(attribute("itemprop"))).toLowerCase(Locale.ROOT);
        return marks.contains("post-title") || marks.contains("entry-title") || marks.contains("headline");
    }

    private void subheading(int from, String tag) {
        int close = indexOfClose(from, tag);
        if (close < 0 || longerThanCapture(from, close)) return;
        String markup = text(from, close);
        if (markup == null) return;
        String text = Text.clean(Text.stripTags(markup));
        if (!text.isEmpty()) facts.subheadings.add(text);
    }

    /** Captures a paragraph up to its end tag or the start of the next block, whichever comes first. */
    private void paragraph(int from) {
        // MAX_CAPTURE counts characters: no more than this many bytes can hold that many
        int searchLimit = (int) Math.min(n, from + 3L * MAX_CAPTURE);
        int i = from;
        int stop = -1;
        while (i < searchLimit) {
            int lt = indexOf((byte) '<', i);
            if (lt < 0 || lt >= searchLimit) break;
            int at = lt + 1;
            boolean closing = at < n && b[at] == '/';
            if (closing) at++;
            int nameEnd = nameEnd(at);
            int len = nameEnd - at;
            if (len == 1 && is(at, "p") || len == 3 && (is(at, "div") || is(at, "nav"))
                    || !closing && len == 5 && (is(at, "table") || is(at, "aside") || is(at, "style"))
                    || !closing && len == 6 && (is(at, "script") || is(at, "figure"))
                    || len == 7 && is(at, "section") || closing && len == 7 && is(at, "article")
                    || len == 2 && (is(at, "ul") || is(at, "ol")) || isHeadingName(at, nameEnd)) {
                stop = lt;
                break;
            }
            i = lt + 1;
        }
        int limit = stop >= 0 && stop - from < MAX_CAPTURE ? stop : afterChars(from, MAX_CAPTURE);
        if (stop < 0 || stop > limit) stop = limit;
        if (stop > from) {
            String markup = text(from, stop);
            if (markup != null) facts.paragraphs.add(new PageFacts.Paragraph(markup, articleDepth > 0));
        }
    }

    /** {@code h} and one digit of any script: the tag name of a heading, as the paragraph rule reads it. */
    private boolean isHeadingName(int at, int nameEnd) {
        if (b[at] != 'h' || nameEnd - at < 2) return false;
        if (nameEnd - at == 2) return b[at + 1] >= '0' && b[at + 1] <= '9';
        int cp = codePointAt(at + 1);
        return cp >= 0 && Character.isBmpCodePoint(cp) && at + 1 + sequenceLength(b[at + 1]) == nameEnd && Character.isDigit(cp);
    }

    /** Whether the text between the two byte offsets is more than MAX_CAPTURE characters. */
    private boolean longerThanCapture(int from, int to) {
        return to - from > MAX_CAPTURE && chars(from, to) > MAX_CAPTURE;
    }

    /** UTF-16 length of the text between two byte offsets. */
    private int chars(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if ((c & 0xC0) != 0x80) count += c >= 0xF0 ? 2 : 1;
        }
        return count;
    }

    /** The byte offset {@code count} characters (UTF-16 units, never half a pair) after {@code from}, or the end. */
    private int afterChars(int from, int count) {
        int i = from;
        int chars = 0;
        while (i < n) {
            int length = sequenceLength(b[i]);
            int units = length == 4 ? 2 : 1;
            if (chars + units > count) break;
            chars += units;
            i += length;
        }
        return Math.min(i, n);
    }

    /** Parses the attributes of a start tag (between its name and its closing {@code >}) into byte ranges. */
    private void attributes(int from, int end) {
        attributeCount = 0;
        int i = from;
        while (i < end) {
            byte c = b[i];
            if (c == '/') {
                i++;
                continue;
            }
            int space = spaceAt(i);
            if (space > 0) {
                i += space;
                continue;
            }
            int nameStart = i;
            while (i < end && b[i] != '=' && b[i] != '>' && !(b[i] == '/' && i + 1 < end && b[i + 1] == '>') && spaceAt(i) == 0) {
                i++;
            }
            int nameStop = i;
            i = skipSpace(i, end);
            int vFrom = -1;
            int vTo = -1;
            if (i < end && b[i] == '=') {
                i = skipSpace(i + 1, end);
                if (i < end && (b[i] == '"' || b[i] == '\'')) {
                    byte quote = b[i];
                    int close = indexOf(quote, i + 1);
                    if (close < 0 || close > end) close = end;
                    vFrom = i + 1;
                    vTo = close;
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < end && b[i] != '>' && spaceAt(i) == 0) i++;
                    vFrom = start;
                    vTo = i;
                }
            }
            if (nameStop > nameStart && attributeCount < MAX_ATTRIBUTES) {
                nameFrom[attributeCount] = nameStart;
                nameTo[attributeCount] = nameStop;
                valueFrom[attributeCount] = vFrom;
                valueTo[attributeCount] = vTo;
                attributeCount++;
            }
        }
    }

    private int skipSpace(int i, int end) {
        while (i < end) {
            int space = spaceAt(i);
            if (space == 0) break;
            i += space;
        }
        return i;
    }

    /** The first value of the named attribute of the tag last parsed, entities decoded; null if it has none. */
    private String attribute(String lowerName) {
        int k = find(lowerName);
        if (k < 0) return null;
        if (valueFrom[k] < 0) return "";
        String value = text(valueFrom[k], valueTo[k]);
        if (value == null) return null;
        return value.indexOf('&') >= 0 ? Text.unescape(value, true) : value;
    }

    private boolean hasAttribute(String lowerName) {
        return find(lowerName) >= 0;
    }

    private int find(String lowerName) {
        int len = lowerName.length();
        for (int k = 0; k < attributeCount; k++) {
            if (nameTo[k] - nameFrom[k] == len && nameIs(nameFrom[k], lowerName)) return k;
        }
        return -1;
    }

    /** Attribute names as {@code toLowerCase(Locale.ROOT)} compares them with the ASCII names looked for. */
    private boolean nameIs(int at, String lowerName) {
        for (int k = 0; k < lowerName.length(); k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') c |= 0x20;
            if (c != lowerName.charAt(k)) return false;
        }
        return true;
    }

    /** The text of a kept piece; null (and the scan ends) when it is not UTF-8. */
    private String text(int from, int to) {
        Optional<String> text = page.text(from, to);
        if (text.isEmpty()) {
            notUtf8 = true;
            return null;
        }
        return text.get();
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < n) {
            byte c = b[i];
            if (c == '>' || c == '/' || c >= 0 && c <= ' ' && Character.isWhitespace(c) || c < 0 && spaceAt(i) > 0) break;
            i++;
        }
        return i;
    }

    private boolean is(int at, String lowerName) {
        int len = lowerName.length();
        if (at + len > n) return false;
        for (int k = 0; k < len; k++) {
            // ASCII tag names: folding with 0x20 is exact for letters, and digits only ever meet digits here
            if ((b[at + k] | 0x20) != lowerName.charAt(k)) return false;
        }
        return true;
    }

    private boolean startsWith(int at, String ascii) {
        if (at + ascii.length() > n) return false;
        for (int k = 0; k < ascii.length(); k++) {
            if (b[at + k] != ascii.charAt(k)) return false;
        }
        return true;
    }

    private int indexOf(byte x, int from) {
        return indexOf(b, x, from, n);
    }

    /**
     * Index of byte {@code x} in {@code a} from {@code from} (inclusive) to {@code to}, or -1: eight bytes at a
     * time, since skipping scripts, styles and menus is most of the scan.
     */
    static int indexOf(byte[] a, byte x, int from, int to) {
        long pattern = (x & 0xFFL) * 0x0101010101010101L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            // a zero byte of the difference is a match; the lowest flagged byte is always a true one
            long found = zeroBytes((long) LONGS.get(a, i) ^ pattern);
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) {
            if (a[i] == x) return i;
        }
        return -1;
    }

    /** Index of the first {@code >}, {@code "} or {@code '} from {@code from}, or -1; eight bytes at a time. */
    private int indexOfTagEndOrQuote(int from) {
        byte[] a = b;
        int to = n;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long found = zeroBytes(w ^ 0x3E3E3E3E3E3E3E3EL) | zeroBytes(w ^ 0x2222222222222222L) | zeroBytes(w ^ 0x2727272727272727L);
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) {
            byte c = a[i];
            if (c == '>' || c == '"' || c == '\'') return i;
        }
        return -1;
    }

    /**
     * The high bit of each zero byte of {@code v} (and possibly of bytes above the lowest zero one, which is
     * why callers only ever use the lowest flag).
     */
    private static long zeroBytes(long v) {
        return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
    }

    private int indexOf(int from, String ascii) {
        byte first = (byte) ascii.charAt(0);
        int i = from;
        while (true) {
            int at = indexOf(first, i);
            if (at < 0) return -1;
            if (startsWith(at, ascii)) return at;
            i = at + 1;
        }
    }

    /** Length of the white space character (as Java counts white space) starting at byte {@code i}, or 0. */
    private int spaceAt(int i) {
        byte c = b[i];
        if (c >= 0) return c <= ' ' && Character.isWhitespace(c) ? 1 : 0;
        int cp = codePointAt(i);
        return cp >= 0 && Character.isWhitespace(cp) ? sequenceLength(c) : 0;
    }

    /** Length of the white space character ending at byte {@code i}, or 0. */
    private int spaceEndingAt(int i) {
        byte c = b[i];
        if (c >= 0) return c <= ' ' && Character.isWhitespace(c) ? 1 : 0;
        int lead = i;
        while (lead > i - 3 && lead > 0 && (b[lead] & 0xC0) == 0x80) lead--;
        if (lead + sequenceLength(b[lead]) - 1 != i) return 0;
        int cp = codePointAt(lead);
        return cp >= 0 && Character.isWhitespace(cp) ? i - lead + 1 : 0;
    }

    /** The code point of the UTF-8 sequence starting at {@code i}, or -1 if it is not one. */
    private int codePointAt(int i) {
        int length = sequenceLength(b[i]);
        if (length == 1) return b[i] >= 0 ? b[i] : -1;
        if (i + length > n) return -1;
        int cp = b[i] & (0x7F >> length);
        for (int k = 1; k < length; k++) {
            if ((b[i + k] & 0xC0) != 0x80) return -1;
            cp = cp << 6 | b[i + k] & 0x3F;
        }
        return cp;
    }

    /** Bytes in the UTF-8 sequence a byte starts (1 for ASCII and for bytes that start none). */
    private static int sequenceLength(byte lead) {
        int c = lead & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) return 2;
        if (c >= 0xE0 && c <= 0xEF) return 3;
        if (c >= 0xF0 && c <= 0xF4) return 4;
        return 1;
    }

    private static boolean isAsciiLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Index of the {@code >} closing a tag whose attributes start at {@code from}; quoted values may hold {@code >}. */
    private int tagEnd(int from) {
        int i = from;
        while (i < n) {
            i = indexOfTagEndOrQuote(i);
            if (i < 0) return n - 1;
            byte c = b[i];
            if (c == '>') return i;
            // a quote only opens a value right after '='; stray quotes in broken markup are ignored
            int k = i - 1;
            while (k > from) {
                int space = spaceEndingAt(k);
                if (space == 0) break;
                k -= space;
            }
            if (k >= from && b[k] == '=') {
                // values (links, class lists) are most of a tag's bytes: jump to the closing quote
                int close = indexOf(c, i + 1);
                if (close < 0) return n - 1;
                i = close;
            }
            i++;
        }
        return n - 1;
    }

    /** Index of {@code </name} (any case) at or after {@code from}, or -1. */
    private int indexOfClose(int from, String name) {
        int i = from;
        while (true) {
            int lt = indexOf((byte) '<', i);
            if (lt < 0 || lt + 1 >= n) return -1;
            if (b[lt + 1] == '/' && is(lt + 2, name)) {
                int after = lt + 2 + name.length();
                if (after >= n || !isLetterOrDigitAt(after)) return lt;
            }
            i = lt + 1;
        }
    }

    /** As {@code Character.isLetterOrDigit} on the UTF-16 unit the decoded text has there. */
    private boolean isLetterOrDigitAt(int i) {
        byte c = b[i];
        if (c >= 0) return Character.isLetterOrDigit(c);
        if (sequenceLength(c) == 4) return false;
        int cp = codePointAt(i);
        return cp >= 0 && Character.isLetterOrDigit(cp);
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
