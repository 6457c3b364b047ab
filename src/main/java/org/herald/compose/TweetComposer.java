package org.herald.compose;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import org.herald.condense.Links;
import org.herald.condense.Story;
import org.herald.condense.TextCuts;
import org.herald.config.ChannelSettings;

import java.net.URI;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tweet from the channel's template. Length is X's weighted count (twitter-text): every link counts 23,
 * CJK and emoji count 2. An over-long tweet loses words from the end of its headline, never part of a word,
 * an emoji or the link, and shows the cut with "…".
 */
final class TweetComposer implements Composer {
    static final TweetComposer INSTANCE = new TweetComposer();
    static final int MAX_WEIGHTED = 280;
    private static final String ELLIPSIS = "…";
    /**
     * X's own rules with emoji parsing off. Matching twitter-text's emoji pattern costs about ten times the
     * rest of the count, and it can only change the result for text that holds an emoji candidate, so text
     * without one is counted with this configuration and gets the same numbers for a fraction of the work.
     */
    private static final TwitterTextConfiguration WITHOUT_EMOJI = withoutEmoji(TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG);

    @Override
    public Post compose(Story story, ChannelSettings channel) {
        return compose(story, channel, true);
    }

    /** With {@code cutHeadline} false the headline stays as written, so a tweet too long for it is counted over, not cut. */
    Post compose(Story story, ChannelSettings channel, boolean cutHeadline) {
        Optional<URI> link = story.link().map(l -> Links.withTags(l, channel.utm()));
        String url = link.map(URI::toString).orElse("");
        String template = channel.template();
        String headline = sanitize(story.headline());
        String summary = sanitize(story.summary());
        Locale locale = Locale.forLanguageTag(story.lang());
        LinkCounter counter = new LinkCounter(url);

        String text = Template.render(template, headline, url, summary);
        Counted counted = counter.count(text);
        boolean shortened = false;
        if (!counted.valid() && template.contains("{summary}") && !summary.isEmpty()) {
            String h = headline;
            String fitted = fit(summary, locale, s -> Template.render(template, h, url, s), counter);
            summary = fitted == null ? "" : fitted;
            text = Template.render(template, headline, url, summary);
            counted = counter.count(text);
            shortened = true;
        }
        if (!counted.valid() && cutHeadline) {
            String s = summary;
            String fitted = fit(headline, locale, h -> Template.render(template, h, url, s), counter);
            if (fitted != null) {
                text = Template.render(template, fitted, url, summary);
                counted = counter.count(text);
                shortened = true;
            }
        }
        return new Post(channel.name(), channel.network(), text, link, counted.weightedLength(), MAX_WEIGHTED,
                counted.valid(), shortened);
    }

    /**
     * The longest shortening of {@code words} (whole words, else whole characters, then "…") whose rendering
     * is a valid tweet, or null if even one character is too much.
     */
    private static String fit(String words, Locale locale, Function<String, String> render, LinkCounter counter) {
        List<Integer> wordEnds = TextCuts.wordEnds(words, locale);
        String best = longestValid(words, wordEnds.stream().mapToInt(Integer::intValue).toArray(), render, counter);
        if (best != null) return best;
        return longestValid(words, TextCuts.graphemeEnds(words), render, counter);
    }

    private static String longestValid(String words, int[] ends, Function<String, String> render, LinkCounter counter) {
        int lo = 0;
        int hi = ends.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < words.length() && counter.count(render.apply(shortened(words, ends[mid]))).valid()) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // Weight grows with length almost always; a link-like word can break that, so confirm downwards.
        for (int k = found; k >= 0; k--) {
            if (ends[k] < words.length() && counter.count(render.apply(shortened(words, ends[k]))).valid()) {
                return shortened(words, ends[k]);
            }
        }
        return null;
    }

    private static String shortened(String words, int end) {
        String head = words.substring(0, end).stripTrailing();
        int cut = head.length();
        while (cut > 0 && ",;:-–—·|/".indexOf(head.charAt(cut - 1)) >= 0) cut--;
        head = head.substring(0, cut).stripTrailing();
        return head.isEmpty() ? ELLIPSIS : head + ELLIPSIS;
    }

    /** A tweet's weighted length by X's rules, and whether X takes it. */
    record Counted(int weightedLength, boolean valid) {
    }

    /**
     * Counts the tweets of one compose call, whose link is known. twitter-text looks for links written without a
     * protocol ("bbc.co.uk") from every position of a text that holds a dot, and the post's own link always
     * brings one, so most of a count went on headline words that cannot be links. Where the link stands between
     * white space and twitter-text reads it, alone, as one whole link, 23 plain letters take its place: they weigh
     * what a link weighs, no link twitter-text finds can reach across white space, so it finds every other link
     * and weighs every other character as it would in the whole text, and a headline without a dot needs no
     * search at all. {@code TweetPropertiesTest} holds the two counts equal on generated and hostile texts.
     */
    static final class LinkCounter {
        private static final Extractor LINKS = new Extractor();
        private static final String STAND_IN = "x".repeat(TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG.getTransformedURLLength());
        private final String link;
        /** Whether the link may stand in, asked of twitter-text only when a text would gain by it. */
        private Boolean standsIn;

        LinkCounter(String link) {
            this.link = link;
        }

        Counted count(String text) {
            int at = link.isEmpty() ? -1 : text.indexOf(link);
            int end = at + link.length();
            if (at >= 0 && text.indexOf(link, end) < 0 && (at == 0 || isSeparator(text.charAt(at - 1)))
                    && (end == text.length() || isSeparator(text.charAt(end)))) {
                String rest = text.substring(0, at) + STAND_IN + text.substring(end);
                // with a dot elsewhere that may be a link, the whole text is searched either way; checking the link
                // alone would add to it
                if ((rest.indexOf('.') < 0 || dotsCannotLink(rest)) && standsIn()) return counted(parse(rest));
            }
            return counted(parse(text));
        }

        private boolean standsIn() {
            if (standsIn == null) standsIn = isOneWholeLink(link);
            return standsIn;
        }

        private static Counted counted(TwitterTextParseResults parsed) {
            return new Counted(parsed.weightedLength, parsed.isValid);
        }

        private static boolean isSeparator(char c) {
            return c == ' ' || c == '\n';
        }

        /** ASCII (so normalising the text leaves it as it is), and found by twitter-text as one link end to end. */
        private static boolean isOneWholeLink(String link) {
            if (link.isEmpty()) return false;
            for (int i = 0; i < link.length(); i++) {
                char c = link.charAt(i);
                if (c <= ' ' || c >= 0x7F) return false;
            }
            List<Extractor.Entity> found = LINKS.extractURLsWithIndices(link);
            return found.size() == 1 && found.get(0).getStart() == 0 && found.get(0).getEnd() == link.length();
        }
    }

    /** twitter-text's verdict on a tweet, by X's default (v3) rules. */
    static TwitterTextParseResults parse(String text) {
        String counted = dotsCannotLink(text) ? text.replace('.', ',') : text;
        return mayHoldEmoji(counted) ? TwitterTextParser.parseTweet(counted) : TwitterTextParser.parseTweet(counted, WITHOUT_EMOJI);
    }

    /**
     * Whether no dot in the text can be part of a link: each is followed by the end, white space or punctuation.
     * Every link twitter-text finds has a dot just before a letter or digit (a top-level domain, or the next label
     * of a host), and it searches any text with a dot for links from every position, which in a short text costs
     * far more than the count itself ("… 1990 e. V.": about 20 µs). Such dots can be counted as commas instead:
     * the same weight, equally valid, and with no dot left twitter-text skips the search.
     */
    static boolean dotsCannotLink(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) return false;
        for (; dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (dot + 1 < text.length() && !cannotStartAHost(text.charAt(dot + 1))) return false;
        }
        return true;
    }

    /** White space, ASCII punctuation and the General Punctuation block: none begins a host label or a domain. */
    private static boolean cannotStartAHost(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c >= 0x21 && c <= 0x2F || c >= 0x3A && c <= 0x40 || c >= 0x5B && c <= 0x60 || c >= 0x7B && c <= 0x7E
                || c >= 0x2000 && c <= 0x206F;
    }

    /**
     * Whether the text has a code point that twitter-text's emoji pattern could match: pictographs, symbol
     * blocks, ©, ®, ‼, ⁉, keycap and variation selectors, ZWJ. A superset, so a false "yes" only costs time.
     */
    static boolean mayHoldEmoji(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0xA9) continue;
            if (c == 0xA9 || c == 0xAE || c == 0x203C || c == 0x2049 || c == 0x200D || c == 0x20E3
                    || (c >= 0x2100 && c <= 0x2BFF) || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299
                    || (c >= 0xFE00 && c <= 0xFE0F) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static TwitterTextConfiguration withoutEmoji(TwitterTextConfiguration d) {
        return new TwitterTextConfiguration.Builder()
                .setVersion(d.getVersion())
                .setMaxWeightedTweetLength(d.getMaxWeightedTweetLength())
                .setScale(d.getScale())
                .setDefaultWeight(d.getDefaultWeight())
                .setEmojiParsingEnabled(false)
                .setTransformedURLLength(d.getTransformedURLLength())
                .setRanges(d.getRanges())
                .build();
    }

    /** NFC (as X counts) without the characters that make twitter-text reject a tweet outright. */
    static String sanitize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0xFFFE || cp == 0xFEFF || cp == 0xFFFF || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) continue;
            if (Character.getType(cp) == Character.SURROGATE) continue;
            if (Character.isISOControl(cp) && cp != '\n') {
                out.append(' ');
                continue;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
