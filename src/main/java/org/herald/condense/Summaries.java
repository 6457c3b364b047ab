package org.herald.condense;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Chooses a story's summary and trims it to length at a sentence, or else a word, boundary. */
final class Summaries {
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:\\p{Pd}]+$");
    private static final int SUBSTANTIAL = 60;
    private static final Pattern CRUMB = Pattern.compile("\\s+[>»›]\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** "By MARC SANTORA and AL BAKER SEPT. 19, 2016": "By" and a capitalised name of two or more words. */
    private static final Pattern BYLINE = Pattern.compile("(?:By|BY)\\s+\\p{Lu}[\\p{L}.'’-]*\\s+\\p{Lu}.*");

    private Summaries() {
    }

    /** The first paragraph long enough to say something, skipping boilerplate and the headline itself. */
    static Optional<String> firstSubstantial(List<String> paragraphs, String headline) {
        String fallback = null;
        for (String p : paragraphs) {
            String text = Text.clean(p);
            // too short to count even before trimming: a menu line or a caption, not worth the sentence breaks
            if (text.isEmpty() || weight(text) < 20 || Boilerplate.isBoilerplate(text) || text.equals(headline)
                    || isBreadcrumb(text, headline) || isTagList(text) || isByline(text)) continue;
            text = withoutTrailingBoilerplate(text);
            if (weight(text) >= SUBSTANTIAL) return Optional.of(text);
            if (fallback == null && weight(text) >= 20) fallback = text;
        }
        return Optional.ofNullable(fallback);
    }

    /**
     * "Home > Fables > January > The Greedy Dog": where the page sits on the site, not what the story says. Three or
     * more short steps, or any trail that ends in the headline.
     */
    static boolean isBreadcrumb(String text, String headline) {
        if (!hasCrumbMark(text)) return false;
        String[] steps = CRUMB.split(text);
        if (steps.length < 2) return false;
        if (steps[steps.length - 1].strip().equals(headline)) return true;
        if (steps.length < 3) return false;
        for (String step : steps) if (step.length() > 40) return false;
        return true;
    }

    private static boolean hasCrumbMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>' || c == '»' || c == '›') return true;
        }
        return false;
    }

    /** Who wrote it and when, set as a paragraph of the article's header: not what the story says. */
    static boolean isByline(String text) {
        return BYLINE.matcher(text).matches() && SPACES.split(text).length <= 25;
    }

    /** "Anmeldung, BaWü, Beteiligung, Digitalpolitik, …": a post's tags, five or more of at most three words each. */
    static boolean isTagList(String text) {
        if (text.indexOf('.') >= 0 || text.indexOf('!') >= 0 || text.indexOf('?') >= 0) return false;
        String[] items = text.split(",");
        if (items.length < 5) return false;
        for (String item : items) {
            String word = item.strip();
            if (word.isEmpty() || SPACES.split(word).length > 3) return false;
        }
        return true;
    }

    /** Drops closing sentences such as "Follow us on X for live updates." from a summary. */
    static String withoutTrailingBoilerplate(String text) {
        BreakIterator sentences = Breaks.sentences(Locale.ROOT);
        sentences.setText(text);
        int end = text.length();
        for (int start = sentences.preceding(end); start > 0; start = sentences.preceding(end)) {
            if (!Boilerplate.isBoilerplate(text.substring(start, end).strip())) break;
            end = start;
        }
        return text.substring(0, end).strip();
    }

    /** Characters weighted so a line of Chinese or Japanese counts like a line of English. */
    private static int weight(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) w += text.charAt(i) >= 0x2E80 ? 3 : 1;
        return w;
    }

    static String trim(String text, int max, String lang) {
        if (Text.length(text) <= max) return text;
        int limit = text.offsetByCodePoints(0, max);
        Locale locale = Locale.forLanguageTag(lang);
        BreakIterator sentences = Breaks.sentences(locale);
        sentences.setText(text);
        int end = sentences.preceding(limit + 1);
        if (end != BreakIterator.DONE && end >= limit * 2 / 5 && end <= limit) return text.substring(0, end).strip();
        // no sentence ends late enough: cut after the last whole word that fits, and mark the cut
        int cut = 0;
        for (int wordEnd : TextCuts.wordEnds(text, locale)) {
            if (wordEnd > limit - 1) break;
            cut = wordEnd;
        }
        if (cut == 0) cut = TextCuts.graphemeBoundaryAtOrBefore(text, limit - 1);
        String head = TRAILING_PUNCTUATION.matcher(text.substring(0, cut)).replaceAll("");
        return head + "…";
    }
}
