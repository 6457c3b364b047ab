package org.herald.condense;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@link HtmlScanner} found in a page: only the pieces condensing looks at. */
final class PageFacts {
    /**
     * An {@code <h1>}, with where it stood: inside the article, or in the page's header, nav or footer; when it is
     * nothing but a link, where that link goes (a teaser's h1 links to its own story); and whether its class marks
     * it as a teaser, related or promoted item.
     */
    record Heading(String text, boolean inArticle, boolean inChrome, boolean hinted, String linkTarget, boolean teaser) {
        Heading(String text, boolean inArticle, boolean inChrome, boolean hinted) {
            this(text, inArticle, inChrome, hinted, null, false);
        }
    }

    /**
     * A paragraph's markup and whether it stood inside {@code <article>} or {@code <main>}. Its text is only
     * worked out when asked for: most pages have a description, and then no paragraph is ever needed.
     */
    record Paragraph(String markup, boolean inArticle) {
        /** The paragraph's text with tags removed; {@link Summaries} cleans it (entities, white space) once. */
        String text() {
            return Text.stripTags(markup);
        }

        /**
         * The text of about the first {@code chars} characters of markup, cut at white space outside a tag (so no
         * tag or entity is cut in two): a summary keeps a few hundred characters of one paragraph, and cleaning a
         * long paragraph whole made text-heavy pages the slowest per byte.
         */
        String textOfStart(int chars) {
            if (markup.length() <= chars) return text();
            boolean inTag = false;
            for (int i = 0; i < markup.length(); i++) {
                char c = markup.charAt(i);
                if (c == '<') inTag = true;
                else if (c == '>') inTag = false;
                else if (i >= chars && !inTag && Character.isWhitespace(c)) {
                    String start = Text.stripTags(markup.substring(0, i));
                    // markup dense with tags leaves too little text to choose a summary from: take it whole
                    return start.length() >= chars / 2 ? start : text();
                }
            }
            return text();
        }
    }

    final Map<String, String> meta = new HashMap<>();
    final List<String> jsonLd = new ArrayList<>(2);
    final List<Heading> headings = new ArrayList<>(2);
    /** The first {@code <h2>}s' text, and {@code <h3>}s marked as a title: some themes set the story's title so. */
    final List<String> subheadings = new ArrayList<>(4);
    /** The text of {@code <h1>}s that are only a link to the site's front page: the site's name, not a story's. */
    final List<String> homeLinkHeadings = new ArrayList<>(1);
    final List<Paragraph> paragraphs = new ArrayList<>(8);
    String lang;
    String dir;
    String title;
    String canonical;
    String baseHref;
    /** Set when nothing later in the page could change the story, so scanning stopped there. */
    boolean complete;

    Optional<String> meta(String key) {
        String value = meta.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> lang() {
        return Optional.ofNullable(lang).filter(s -> !s.isBlank());
    }

    Optional<String> dir() {
        return Optional.ofNullable(dir).filter(s -> !s.isBlank());
    }

    Optional<String> title() {
        return Optional.ofNullable(title).filter(s -> !s.isBlank());
    }

    Optional<String> canonical() {
        return Optional.ofNullable(canonical).filter(s -> !s.isBlank());
    }

    Optional<String> baseHref() {
        return Optional.ofNullable(baseHref).filter(s -> !s.isBlank());
    }
}
